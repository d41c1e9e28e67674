package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.setpoint.k8s.Rendered.Workload;
import dev.setpoint.k8s.WarConfiguration.HealthKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.Route;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay, rendered by kubectl kustomize, checked against the code it deploys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlaysTest {

  /** What each overlay must hold: its namespaces and Deployments (namespace/name). */
  private static final Map<String, Set<String>> DEPLOYMENTS =
      Map.of(
          "edge", Set.of("setpoint-edge/ingest", "setpoint-edge/relay"),
          "cloud", Set.of("setpoint-cloud/analytics"),
          "all-in-one", Set.of("setpoint/setpoint"),
          "openshift",
              Set.of("setpoint-edge/ingest", "setpoint-edge/relay", "setpoint-cloud/analytics"));

  /** Names of credentials: such a variable must come from a Secret, never a ConfigMap. */
  private static final Pattern SECRET_LIKE =
      Pattern.compile(".*_(PASSWORD|PASSWORD_HASH|TOKEN|API_KEY|SECRET|PRIVATE_KEY)$");

  private final Map<String, Rendered> rendered = new LinkedHashMap<>();

  @BeforeAll
  void render() {
    for (String overlay : Kustomize.OVERLAYS) {
      rendered.put(overlay, Kustomize.render(overlay));
    }
  }

  Stream<String> overlays() {
    return Kustomize.OVERLAYS.stream();
  }

  private Rendered of(String overlay) {
    return rendered.get(overlay);
  }

  @Test
  void everyOverlayDirectoryIsTestedAndDeployable() {
    var dirs = new TreeSet<String>();
    try (var list = java.nio.file.Files.list(Repository.k8s().resolve("overlays"))) {
      list.forEach(p -> dirs.add(p.getFileName().toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(new TreeSet<>(Kustomize.OVERLAYS), dirs);
    String deploy = Repository.read(Repository.k8s().resolve("deploy"));
    for (String overlay : Kustomize.OVERLAYS) {
      assertTrue(deploy.contains("\n  " + overlay + ")"), "k8s/deploy does not know " + overlay);
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void holdsTheDeploymentsOfItsRoles(String overlay) {
    Set<String> found =
        of(overlay).deployments().stream()
            .map(w -> w.namespace() + "/" + w.name())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(DEPLOYMENTS.get(overlay)), found);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyObjectLivesInANamespaceOfTheOverlay(String overlay) {
    Set<String> namespaces =
        of(overlay).all(Namespace.class).stream()
            .map(n -> n.getMetadata().getName())
            .collect(Collectors.toSet());
    assertFalse(namespaces.isEmpty(), "no Namespace in " + overlay);
    int checked = 0;
    for (HasMetadata object : of(overlay).objects()) {
      if (object instanceof Namespace) {
        continue;
      }
      checked++;
      assertTrue(
          namespaces.contains(object.getMetadata().getNamespace()),
          object.getKind()
              + " "
              + object.getMetadata().getName()
              + " is in namespace "
              + object.getMetadata().getNamespace());
    }
    assertTrue(checked > 0, "no namespaced object in " + overlay);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void probesUseTheHealthEndpointsTheWarsServe(String overlay) {
    int checked = 0;
    for (Workload w : of(overlay).deployments()) {
      for (Container c : w.template().getSpec().getContainers()) {
        List<String> modules = WarConfiguration.modulesOfImage(c.getImage());
        assertFalse(modules.isEmpty(), w + " runs " + c.getImage() + ", not a Setpoint image");
        WarConfiguration war = WarConfiguration.of(modules);
        assertEquals(
            Set.of(HealthKind.values()),
            war.health(),
            modules + " lack a kind of MicroProfile Health check that the probes rely on");
        Map<HealthKind, Probe> probes =
            Map.of(
                HealthKind.STARTUP, c.getStartupProbe(),
                HealthKind.LIVENESS, c.getLivenessProbe(),
                HealthKind.READINESS, c.getReadinessProbe());
        for (var probe : probes.entrySet()) {
          Probe p = probe.getValue();
          assertNotNull(p, w + ": no " + probe.getKey() + " probe");
          HTTPGetAction get = p.getHttpGet();
          assertNotNull(get, w + ": " + probe.getKey() + " probe is not an HTTP GET");
          assertEquals(probe.getKey().path, get.getPath(), w + ": " + probe.getKey() + " path");
          int port = resolvePort(c, get.getPort(), w + " " + probe.getKey() + " probe");
          // Plain HTTP listens on the pod's loopback only: the kubelet probes over HTTPS.
          assertEquals(war.httpsPort(), port, w + ": probes must reach Liberty's HTTPS port");
          assertEquals("HTTPS", get.getScheme(), w + ": " + probe.getKey() + " probe scheme");
          assertTrue(
              p.getFailureThreshold() != null && p.getFailureThreshold() > 1,
              w + ": " + probe.getKey() + " failureThreshold must be above 1");
          checked++;
        }
      }
    }
    assertEquals(3 * DEPLOYMENTS.get(overlay).size(), checked);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void statefulSetsHaveProbesThatToleratePauses(String overlay) {
    int checked = 0;
    for (Workload w : of(overlay).workloads()) {
      if (!(w.owner() instanceof StatefulSet)) {
        continue;
      }
      for (Container c : w.template().getSpec().getContainers()) {
        checked++;
        for (Probe p : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
          assertNotNull(p, w + ": every probe is set");
          assertTrue(p.getFailureThreshold() > 1, w + ": failureThreshold above 1");
          if (p.getHttpGet() != null) {
            resolvePort(c, p.getHttpGet().getPort(), w + " probe");
          }
          if (p.getTcpSocket() != null) {
            resolvePort(c, p.getTcpSocket().getPort(), w + " probe");
          }
        }
      }
    }
    assertTrue(checked > 0, "no StatefulSet container in " + overlay);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void selectorsMatchTheirPods(String overlay) {
    Rendered r = of(overlay);
    int selectors = 0;
    for (Workload w : r.workloads()) {
      LabelSelector selector =
          switch (w.owner()) {
            case Deployment d -> d.getSpec().getSelector();
            case StatefulSet s -> s.getSpec().getSelector();
            default -> null;
          };
      if (selector != null) {
        assertTrue(matches(selector, w.podLabels()), w + ": selector does not match its pods");
        assertTrue(
            selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty(),
            w + ": empty selector");
        selectors++;
      }
    }
    assertTrue(selectors > 0, "no workload selector in " + overlay);
    assertFalse(r.all(PodDisruptionBudget.class).isEmpty(), "no PodDisruptionBudget");
    assertFalse(r.all(Service.class).isEmpty(), "no Service");
    for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
      List<Workload> selected =
          selectedBy(r, pdb.getMetadata().getNamespace(), pdb.getSpec().getSelector());
      assertEquals(
          1, selected.size(), "PDB " + pdb.getMetadata().getName() + " selects " + selected);
    }
    for (Service s : r.all(Service.class)) {
      List<Workload> selected =
          selectedBy(
              r,
              s.getMetadata().getNamespace(),
              new LabelSelector(List.of(), s.getSpec().getSelector()));
      assertEquals(
          1, selected.size(), "Service " + s.getMetadata().getName() + " selects " + selected);
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesAndRoutesTargetDeclaredPorts(String overlay) {
    Rendered r = of(overlay);
    int ports = 0;
    for (Service s : r.all(Service.class)) {
      assertFalse(s.getSpec().getPorts().isEmpty(), "Service " + s.getMetadata().getName());
      for (Workload w :
          selectedBy(
              r,
              s.getMetadata().getNamespace(),
              new LabelSelector(List.of(), s.getSpec().getSelector()))) {
        for (ServicePort port : s.getSpec().getPorts()) {
          IntOrString target =
              port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
          boolean declared = w.containers().anyMatch(c -> declares(c, target));
          assertTrue(
              declared,
              "Service "
                  + s.getMetadata().getName()
                  + " targets "
                  + target
                  + ", which "
                  + w
                  + " does not declare");
          ports++;
        }
      }
    }
    for (Route route : r.all(Route.class)) {
      Service target =
          r.find(
                  Service.class,
                  route.getMetadata().getNamespace(),
                  route.getSpec().getTo().getName())
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "Route " + route.getMetadata().getName() + " has no Service"));
      String portName = route.getSpec().getPort().getTargetPort().getStrVal();
      assertTrue(
          target.getSpec().getPorts().stream().anyMatch(p -> portName.equals(p.getName())),
          "Route " + route.getMetadata().getName() + " names port " + portName);
      // TLS to the pod as well: the router re-encrypts to its HTTPS port.
      assertEquals("reencrypt", route.getSpec().getTls().getTermination());
      assertEquals("Redirect", route.getSpec().getTls().getInsecureEdgeTerminationPolicy());
    }
    assertTrue(ports > 0, "no Service port checked");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyEnvironmentVariableIsAKeyTheWarReads(String overlay) {
    Rendered r = of(overlay);
    int variables = 0;
    for (Workload w : r.deployments()) {
      for (Container c : w.template().getSpec().getContainers()) {
        WarConfiguration war = WarConfiguration.of(WarConfiguration.modulesOfImage(c.getImage()));
        Map<String, String> literal = new HashMap<>();
        for (EnvFromSource from : listOf(c.getEnvFrom())) {
          assertNotNull(from.getConfigMapRef(), w + ": envFrom only from ConfigMaps");
          ConfigMap map =
              r.find(ConfigMap.class, w.namespace(), from.getConfigMapRef().getName())
                  .orElseThrow(
                      () ->
                          new AssertionError(
                              w + ": no ConfigMap " + from.getConfigMapRef().getName()));
          literal.putAll(map.getData());
        }
        for (EnvVar env : listOf(c.getEnv())) {
          if (env.getValueFrom() == null) {
            literal.put(env.getName(), env.getValue());
          } else {
            assertNotNull(
                env.getValueFrom().getSecretKeyRef(),
                w + ": " + env.getName() + " comes from a Secret or is a literal");
          }
          assertTrue(
              war.reads(env.getName()), w + ": " + env.getName() + " is no key of " + c.getImage());
          variables++;
        }
        for (String name : literal.keySet()) {
          assertTrue(war.reads(name), w + ": " + name + " is no key the server reads");
          assertFalse(
              SECRET_LIKE.matcher(name).matches(),
              w + ": " + name + " looks like a credential and must come from a Secret");
          variables++;
        }
        // The container's one port is the HTTPS port server.xml (or HTTPS_PORT) makes Liberty
        // listen on; its plain HTTP port is loopback only and never declared.
        int port =
            literal.containsKey("HTTPS_PORT")
                ? Integer.parseInt(literal.get("HTTPS_PORT"))
                : war.httpsPort();
        assertEquals(
            List.of("https=" + port),
            c.getPorts().stream().map(p -> p.getName() + "=" + p.getContainerPort()).toList(),
            w + ": declares exactly the port https = " + port);
      }
    }
    assertTrue(variables >= 10, "only " + variables + " variables checked in " + overlay);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void secretsAreReferencedNeverIncludedAndDocumented(String overlay) {
    Rendered r = of(overlay);
    assertEquals(
        List.of(),
        r.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList(),
        "Secrets are made by the operator (k8s/README.md), never shipped");
    Set<String> documented = documentedSecretKeys();
    Set<String> madeInCluster = madeInCluster(r);
    int references = 0;
    for (Workload w : r.workloads()) {
      for (Container c : w.containers().toList()) {
        for (EnvVar env : listOf(c.getEnv())) {
          var ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
          if (ref != null && !Boolean.TRUE.equals(ref.getOptional())) {
            String entry = w.namespace() + ":" + ref.getName() + ":" + ref.getKey();
            assertTrue(
                documented.contains(entry) || madeInCluster.contains(entry),
                w + " needs " + entry + ", which k8s/deploy does not check");
            references++;
          }
        }
      }
      for (Volume v : listOf(w.template().getSpec().getVolumes())) {
        if (v.getSecret() != null) {
          for (var item : v.getSecret().getItems()) {
            String entry =
                w.namespace() + ":" + v.getSecret().getSecretName() + ":" + item.getKey();
            assertTrue(
                documented.contains(entry) || madeInCluster.contains(entry),
                w + " mounts " + entry + ", which k8s/deploy does not check");
            references++;
          }
        }
      }
    }
    assertTrue(references > 0, "no Secret referenced in " + overlay);
    String readme = Repository.read(Repository.k8s().resolve("README.md"));
    for (String entry : documented) {
      String name = entry.split(":")[1];
      if (copiedSecretKeys().contains(entry)) {
        assertTrue(
            readme.contains("`" + name + "`"),
            "k8s/README.md does not say where " + name + " is from");
        continue;
      }
      assertTrue(
          readme.contains("kubectl create secret generic " + name)
              || readme.contains("create secret generic " + name),
          "k8s/README.md shows no command that creates " + name);
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyImageIsPinned(String overlay) {
    Pattern pinned = Pattern.compile("^[^@]+(@sha256:[0-9a-f]{64}|:[^:/@]*\\d[^:/@]*)$");
    int images = 0;
    for (Workload w : of(overlay).workloads()) {
      for (Container c : w.containers().toList()) {
        String image = c.getImage();
        assertTrue(pinned.matcher(image).matches(), w + ": image " + image + " is not pinned");
        assertFalse(image.endsWith(":latest"), w + ": " + image);
        if (!WarConfiguration.modulesOfImage(image).isEmpty()) {
          assertTrue(
              image.endsWith(":" + Repository.projectVersion()),
              w + ": Setpoint's images carry the project version: " + image);
        }
        images++;
      }
    }
    for (Kafka kafka : of(overlay).all(Kafka.class)) {
      assertTrue(
          kafka.getSpec().getKafka().getVersion().matches("\\d+\\.\\d+\\.\\d+"),
          "Kafka version pins Strimzi's broker image");
      assertEquals(null, kafka.getSpec().getKafka().getImage(), "no unpinned image override");
    }
    assertTrue(images > 0);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerHasRequestsAndLimits(String overlay) {
    int containers = 0;
    for (Workload w : of(overlay).workloads()) {
      for (Container c : w.containers().toList()) {
        assertBounded(c.getResources(), w + " container " + c.getName());
        containers++;
      }
    }
    assertTrue(containers > 0, "no container in " + overlay);
    for (KafkaNodePool pool : of(overlay).all(KafkaNodePool.class)) {
      assertBounded(pool.getSpec().getResources(), "KafkaNodePool " + pool.getMetadata().getName());
    }
    for (Kafka kafka : of(overlay).all(Kafka.class)) {
      assertBounded(
          kafka.getSpec().getEntityOperator().getTopicOperator().getResources(), "topic operator");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerRunsNonRootWithoutPrivileges(String overlay) {
    int containers = 0;
    for (Workload w : of(overlay).workloads()) {
      PodSecurityContext pod = w.template().getSpec().getSecurityContext();
      assertNotNull(pod, w + ": no pod securityContext");
      assertEquals(
          Boolean.FALSE,
          w.template().getSpec().getAutomountServiceAccountToken(),
          w + ": no API token is needed");
      for (Container c : w.containers().toList()) {
        containers++;
        SecurityContext sc = c.getSecurityContext();
        assertNotNull(sc, w + " " + c.getName() + ": no securityContext");
        boolean nonRoot =
            Boolean.TRUE.equals(sc.getRunAsNonRoot()) || Boolean.TRUE.equals(pod.getRunAsNonRoot());
        assertTrue(nonRoot, w + ": runAsNonRoot");
        Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
        assertTrue(uid == null || uid > 0, w + ": runs as root");
        assertEquals(
            Boolean.FALSE, sc.getAllowPrivilegeEscalation(), w + ": allowPrivilegeEscalation");
        assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), w + ": privileged");
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), w + ": drop ALL capabilities");
        assertTrue(listOf(sc.getCapabilities().getAdd()).isEmpty(), w + ": adds capabilities");
        String seccomp =
            sc.getSeccompProfile() != null
                ? sc.getSeccompProfile().getType()
                : pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
        assertEquals("RuntimeDefault", seccomp, w + ": seccomp profile");
        if (overlay.equals("openshift")) {
          // restricted-v2 assigns UID, GID and fsGroup from the namespace's ranges
          assertEquals(null, uid, w + ": fixed runAsUser under OpenShift");
          assertEquals(null, sc.getRunAsGroup(), w + ": fixed runAsGroup");
          assertEquals(null, pod.getRunAsGroup(), w + ": fixed runAsGroup");
          assertEquals(null, pod.getFsGroup(), w + ": fixed fsGroup");
        }
      }
    }
    assertTrue(containers > 0, "no container in " + overlay);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void deploymentsHaveDisruptionBudgetsAndStatelessOnesAutoscale(String overlay) {
    Rendered r = of(overlay);
    Set<String> autoscaled = new TreeSet<>();
    for (HorizontalPodAutoscaler hpa : r.all(HorizontalPodAutoscaler.class)) {
      var target = hpa.getSpec().getScaleTargetRef();
      assertEquals("Deployment", target.getKind());
      assertTrue(
          r.find(Deployment.class, hpa.getMetadata().getNamespace(), target.getName()).isPresent(),
          "HPA " + hpa.getMetadata().getName() + " scales a missing Deployment");
      assertTrue(
          hpa.getSpec().getMinReplicas() >= 2
              && hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
      autoscaled.add(target.getName());
      if (target.getName().equals("analytics")) {
        for (KafkaTopic topic : r.all(KafkaTopic.class)) {
          if ("setpoint.telemetry".equals(topic.getSpec().getTopicName())) {
            assertTrue(
                hpa.getSpec().getMaxReplicas() <= topic.getSpec().getPartitions(),
                "analytics beyond the partitions of setpoint.telemetry would idle");
          }
        }
      }
    }
    Set<String> stateless = new TreeSet<>();
    assertEquals(DEPLOYMENTS.get(overlay).size(), r.deployments().size(), "Deployments");
    for (Workload w : r.deployments()) {
      if (w.name().equals("ingest") || w.name().equals("analytics")) {
        stateless.add(w.name());
      }
      assertEquals(
          1,
          r.all(PodDisruptionBudget.class).stream()
              .filter(p -> p.getMetadata().getNamespace().equals(w.namespace()))
              .filter(p -> matches(p.getSpec().getSelector(), w.podLabels()))
              .count(),
          w + ": one PodDisruptionBudget");
      Deployment d = (Deployment) w.owner();
      if (!stateless.contains(w.name())) {
        assertEquals(
            "Recreate",
            d.getSpec().getStrategy().getType(),
            w + " drains the edge buffer: never two at once");
        assertEquals(1, d.getSpec().getReplicas());
      }
    }
    assertEquals(stateless, autoscaled);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void workloadsArePlacedByTheReportsFunctionTypeLabel(String overlay) {
    Rendered r = of(overlay);
    int placed = 0;
    for (Workload w : r.workloads()) {
      if (!(w.owner() instanceof Deployment) && !(w.owner() instanceof StatefulSet)) {
        continue;
      }
      placed++;
      String expected =
          switch (w.namespace()) {
            case "setpoint-edge" -> "iot-cloud-hub";
            case "setpoint-cloud" -> "data-storage";
            default -> null;
          };
      Map<String, String> selector = w.template().getSpec().getNodeSelector();
      assertEquals(
          expected, selector == null ? null : selector.get("functiontype"), w + ": placement");
    }
    assertTrue(placed > 0, "no Deployment or StatefulSet in " + overlay);
    for (KafkaNodePool pool : r.all(KafkaNodePool.class)) {
      String text =
          String.valueOf(
              pool.getSpec().getTemplate() == null
                  ? null
                  : pool.getSpec().getTemplate().getPod().getAffinity());
      assertEquals(
          pool.getMetadata().getNamespace().equals("setpoint-cloud"),
          text.contains("data-storage"),
          "KafkaNodePool placement in " + pool.getMetadata().getNamespace());
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void kafkaTopicsAreTheOnesTheWarsUse(String overlay) {
    Rendered r = of(overlay);
    if (r.all(Kafka.class).isEmpty()) {
      assertTrue(r.all(KafkaTopic.class).isEmpty());
      return;
    }
    Kafka kafka = r.all(Kafka.class).getFirst();
    Set<String> topics = new TreeSet<>();
    for (KafkaTopic topic : r.all(KafkaTopic.class)) {
      assertEquals(
          kafka.getMetadata().getName(), topic.getMetadata().getLabels().get("strimzi.io/cluster"));
      int brokers =
          r.all(KafkaNodePool.class).stream().mapToInt(p -> p.getSpec().getReplicas()).sum();
      assertTrue(topic.getSpec().getReplicas() <= brokers, "more replicas than brokers");
      assertTrue(topic.getSpec().getPartitions() >= 6, "partitions for scale-out");
      topics.add(topic.getSpec().getTopicName());
    }
    Set<String> used = new TreeSet<>();
    Pattern topic = Pattern.compile("(?m)^mp\\.messaging\\.\\w+\\.[^.]+\\.topic=(.+)$");
    for (String module : List.of("relay-war", "analytics-war")) {
      Matcher m =
          topic.matcher(
              Repository.read(
                  Repository.root()
                      .resolve(
                          module + "/src/main/resources/META-INF/microprofile-config.properties")));
      while (m.find()) {
        used.add(m.group(1).trim());
      }
    }
    assertFalse(used.isEmpty());
    assertTrue(topics.containsAll(used), "topics " + topics + " lack some of " + used);
    assertTrue(topics.containsAll(Set.of("setpoint.telemetry", "setpoint.commands")));
    var listener = kafka.getSpec().getKafka().getListeners().getFirst();
    String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap";
    int clients = 0;
    for (ConfigMap map : r.all(ConfigMap.class)) {
      String servers = map.getData().get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS");
      if (servers != null) {
        String sameNamespace = bootstrap + ":" + listener.getPort();
        String otherNamespace =
            bootstrap + "." + kafka.getMetadata().getNamespace() + ".svc:" + listener.getPort();
        assertEquals(
            map.getMetadata().getNamespace().equals(kafka.getMetadata().getNamespace())
                ? sameNamespace
                : otherNamespace,
            servers,
            "ConfigMap " + map.getMetadata().getName());
        clients++;
      }
    }
    assertTrue(clients > 0, "no ConfigMap names the Kafka bootstrap servers in " + overlay);
  }

  // ------------------------------------------------------------------------------------ helpers

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void assertBounded(ResourceRequirements r, String what) {
    assertNotNull(r, what + ": no resources");
    for (String resource : List.of("cpu", "memory")) {
      assertNotNull(
          r.getRequests() == null ? null : r.getRequests().get(resource),
          what + ": no " + resource + " request");
      assertNotNull(
          r.getLimits() == null ? null : r.getLimits().get(resource),
          what + ": no " + resource + " limit");
    }
  }

  private static boolean declares(Container c, IntOrString port) {
    return listOf(c.getPorts()).stream()
        .anyMatch(
            p ->
                port.getStrVal() != null
                    ? port.getStrVal().equals(p.getName())
                    : Objects.equals(port.getIntVal(), p.getContainerPort()));
  }

  private static int resolvePort(Container c, IntOrString port, String what) {
    for (ContainerPort p : listOf(c.getPorts())) {
      if (port.getStrVal() != null
          ? port.getStrVal().equals(p.getName())
          : Objects.equals(port.getIntVal(), p.getContainerPort())) {
        return p.getContainerPort();
      }
    }
    return fail(what + " uses port " + port + ", which " + c.getName() + " does not declare");
  }

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null) {
      for (var e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (var expr : listOf(selector.getMatchExpressions())) {
      String value = labels.get(expr.getKey());
      boolean ok =
          switch (expr.getOperator()) {
            case "In" -> value != null && expr.getValues().contains(value);
            case "NotIn" -> value == null || !expr.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("operator " + expr.getOperator());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static List<Workload> selectedBy(Rendered r, String namespace, LabelSelector selector) {
    return r.workloads().stream()
        .filter(w -> !(w.owner() instanceof io.fabric8.kubernetes.api.model.batch.v1.Job))
        .filter(w -> w.namespace().equals(namespace))
        .filter(w -> matches(selector, w.podLabels()))
        .toList();
  }

  /** "namespace:secret:key" for every Secret key k8s/deploy checks before it applies. */
  static Set<String> documentedSecretKeys() {
    Set<String> entries = new TreeSet<>();
    Matcher m =
        Pattern.compile("\"([a-z0-9-]+):([a-z0-9-]+):([A-Za-z0-9.,_-]+)\"")
            .matcher(Repository.read(Repository.k8s().resolve("deploy")));
    while (m.find()) {
      for (String key : m.group(3).split(",")) {
        entries.add(m.group(1) + ":" + m.group(2) + ":" + key);
      }
    }
    assertFalse(entries.isEmpty(), "k8s/deploy lists no Secrets");
    entries.addAll(copiedSecretKeys());
    return entries;
  }

  /**
   * "namespace:secret:key" of the Secrets the overlay's own objects make: cert-manager's for a
   * Certificate (with its PKCS12 keystore), Strimzi's for a KafkaUser (its SCRAM credentials) and
   * for a Kafka cluster (its CA's certificate).
   */
  static Set<String> madeInCluster(Rendered r) {
    Set<String> entries = new TreeSet<>();
    for (var certificate : r.all(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)) {
      if (!certificate.getKind().equals("Certificate")) {
        continue;
      }
      String ns = certificate.getMetadata().getNamespace();
      String secret = CertManager.secretName(certificate);
      for (String key : List.of("tls.crt", "tls.key", "ca.crt")) {
        entries.add(ns + ":" + secret + ":" + key);
      }
      if (CertManager.writesPkcs12(certificate)) {
        entries.add(ns + ":" + secret + ":keystore.p12");
      }
    }
    for (io.strimzi.api.kafka.model.user.KafkaUser user :
        r.all(io.strimzi.api.kafka.model.user.KafkaUser.class)) {
      for (String key : List.of("password", "sasl.jaas.config")) {
        entries.add(
            user.getMetadata().getNamespace() + ":" + user.getMetadata().getName() + ":" + key);
      }
    }
    for (Kafka kafka : r.all(Kafka.class)) {
      entries.add(
          kafka.getMetadata().getNamespace()
              + ":"
              + kafka.getMetadata().getName()
              + "-cluster-ca-cert:ca.crt");
    }
    return entries;
  }

  /**
   * "namespace:secret:key" for every Secret k8s/deploy copies from the Kafka cluster's namespace
   * (Strimzi writes them there) into another, as "from>to:secret:key,...".
   */
  static Set<String> copiedSecretKeys() {
    Set<String> entries = new TreeSet<>();
    Matcher m =
        Pattern.compile("\"([a-z0-9-]+)>([a-z0-9-]+):([a-z0-9-]+):([A-Za-z0-9.,_-]+)\"")
            .matcher(Repository.read(Repository.k8s().resolve("deploy")));
    while (m.find()) {
      for (String key : m.group(4).split(",")) {
        entries.add(m.group(2) + ":" + m.group(3) + ":" + key);
      }
    }
    return entries;
  }
}
