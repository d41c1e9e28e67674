package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.k8s.Rendered.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.common.template.ContainerTemplate;
import io.strimzi.api.kafka.model.common.template.PodTemplate;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19's hardening of k8s/, checked on every rendered overlay: TLS to every pod and no plain
 * HTTP port exposed, the local issuer off and an external provider configured, Kafka over TLS with
 * SCRAM users whose ACLs are exactly their role's, NetworkPolicies that name their peers'
 * namespaces, no all-access InfluxDB token in analytics, read-only root filesystems and the Pod
 * Security "restricted" profile everywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTest {

  /** Where Liberty writes while it runs; each must be a writable volume over a read-only root. */
  private static final List<String> LIBERTY_WRITES = List.of("/logs", "/opt/ol/wlp/output", "/tmp");

  /** The identity provider's keys every server that verifies operators' tokens must get. */
  private static final List<String> PROVIDER_KEYS =
      List.of(
          "MP_JWT_VERIFY_ISSUER",
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
          "JWT_AUDIENCES",
          "JWT_USERNAME_CLAIM",
          "SETPOINT_SECURITY_GROUPS_VIEWER",
          "SETPOINT_SECURITY_GROUPS_OPERATOR",
          "SETPOINT_SECURITY_GROUPS_ADMIN");

  /** Volume kinds the Pod Security "restricted" profile admits. */
  private static final Set<String> RESTRICTED_VOLUMES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

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

  // ------------------------------------------------------------------------------------ TLS

  @ParameterizedTest
  @MethodSource("overlays")
  void libertyServesOnlyHttpsWithTheCertificateOfItsServices(String overlay) {
    Rendered r = rendered.get(overlay);
    int servers = 0;
    for (Workload w : libertyWorkloads(r)) {
      Container c = w.template().getSpec().getContainers().getFirst();
      WarConfiguration war = WarConfiguration.of(WarConfiguration.modulesOfImage(c.getImage()));
      for (ContainerPort port : c.getPorts()) {
        assertFalse(
            port.getContainerPort() == war.httpPort() || "http".equals(port.getName()),
            w + " declares the plain HTTP port " + port);
      }
      // The keystore: a file of a mounted Secret that a Certificate fills with PKCS12, locked by
      // the password Liberty is given.
      Map<String, String> env = literalEnvironment(r, w, c);
      String location = env.get("KEYSTORE_LOCATION");
      assertNotNull(location, w + ": no KEYSTORE_LOCATION");
      String secret = secretMountedAt(w, c, location, "keystore.p12");
      GenericKubernetesResource certificate =
          certificates(r, w.namespace()).stream()
              .filter(cert -> CertManager.secretName(cert).equals(secret))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(w + ": no Certificate writes the Secret " + secret));
      assertTrue(CertManager.writesPkcs12(certificate), secret + ": no PKCS12 keystore");
      SecretKeySelector password = secretRef(c, "KEYSTORE_PASSWORD");
      @SuppressWarnings("unchecked")
      Map<String, Object> passwordRef =
          (Map<String, Object>) CertManager.pkcs12(certificate).get("passwordSecretRef");
      assertEquals(
          passwordRef.get("name") + "/" + passwordRef.get("key"),
          password.getName() + "/" + password.getKey(),
          w + ": KEYSTORE_PASSWORD is not the keystore's password");
      assertEquals(
          "setpoint-ca",
          CertManager.issuerRef(certificate).get("name"),
          secret + ": issued by the namespace's CA");
      for (Service s : servicesOf(r, w)) {
        String name = s.getMetadata().getName() + "." + w.namespace() + ".svc";
        assertTrue(
            CertManager.dnsNames(certificate).contains(name),
            secret + " does not name " + name + ", which clients and the router verify");
      }
      servers++;
    }
    assertTrue(servers > 0, "no Liberty server in " + overlay);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void noServiceIngressOrRouteCarriesPlainHttp(String overlay) {
    Rendered r = rendered.get(overlay);
    int ports = 0;
    for (Service s : r.all(Service.class)) {
      List<Workload> selected = selectedWorkloads(r, s);
      boolean liberty = selected.stream().anyMatch(HardeningTest::isLiberty);
      for (ServicePort port : s.getSpec().getPorts()) {
        ports++;
        if (liberty) {
          assertEquals("https", port.getName(), "Service " + s.getMetadata().getName());
          assertEquals(
              "https", port.getTargetPort().getStrVal(), "Service " + s.getMetadata().getName());
        }
        if (port.getNodePort() != null || !"ClusterIP".equals(typeOf(s))) {
          assertTrue(
              liberty && "https".equals(port.getName()),
              "Service "
                  + s.getMetadata().getName()
                  + " exposes "
                  + port.getName()
                  + " outside the cluster; only Liberty's HTTPS may be");
        }
      }
    }
    assertTrue(ports > 0);
    for (Ingress ingress : r.all(Ingress.class)) {
      String what = "Ingress " + ingress.getMetadata().getName();
      assertFalse(listOf(ingress.getSpec().getTls()).isEmpty(), what + ": no TLS");
      Map<String, String> annotations = ingress.getMetadata().getAnnotations();
      assertEquals("HTTPS", annotations.get("nginx.ingress.kubernetes.io/backend-protocol"), what);
      assertEquals("on", annotations.get("nginx.ingress.kubernetes.io/proxy-ssl-verify"), what);
      assertEquals(
          ingress.getMetadata().getNamespace() + "/setpoint-ca",
          annotations.get("nginx.ingress.kubernetes.io/proxy-ssl-secret"),
          what + ": the backend is verified against the namespace's CA");
      ingress
          .getSpec()
          .getRules()
          .forEach(
              rule ->
                  rule.getHttp()
                      .getPaths()
                      .forEach(
                          path ->
                              assertEquals(
                                  "https",
                                  path.getBackend().getService().getPort().getName(),
                                  what + " reaches a plain port")));
    }
    if (overlay.equals("openshift")) {
      assertTrue(r.all(Ingress.class).isEmpty(), "the Routes replace the Ingress on OpenShift");
      assertEquals(2, r.all(io.fabric8.openshift.api.model.Route.class).size());
    } else if (!overlay.equals("edge")) {
      assertEquals(1, r.all(Ingress.class).size(), "one Ingress for the dashboard");
    }
  }

  // ------------------------------------------------------------------------------- identity

  @ParameterizedTest
  @MethodSource("overlays")
  void theLocalIssuerIsOffAndAnExternalProviderIsConfigured(String overlay) {
    Rendered r = rendered.get(overlay);
    int verifying = 0;
    for (Workload w : libertyWorkloads(r)) {
      for (Container c : w.containers().toList()) {
        Map<String, String> env = literalEnvironment(r, w, c);
        Stream.concat(env.keySet().stream(), listOf(c.getEnv()).stream().map(EnvVar::getName))
            .forEach(
                name ->
                    assertFalse(
                        name.contains("LOCAL_ISSUER"),
                        w + ": " + name + " turns the local issuer on"));
        for (Volume v : listOf(w.template().getSpec().getVolumes())) {
          assertFalse(
              v.getSecret() != null && v.getSecret().getSecretName().contains("local-issuer"),
              w + " mounts the local issuer's key");
        }
        List<String> modules = WarConfiguration.modulesOfImage(c.getImage());
        if (modules.contains("ingest-war") || modules.contains("analytics-war")) {
          for (String key : PROVIDER_KEYS) {
            assertTrue(env.containsKey(key), w + ": no " + key);
          }
          assertTrue(
              env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").startsWith("https://"),
              w + ": the provider's key set is fetched over HTTPS (a JWKS URL)");
          verifying++;
        }
      }
    }
    assertTrue(verifying > 0, "no server verifies operators' tokens in " + overlay);
    // The shipped values are placeholders, and the deploy command refuses them.
    String oidc = Repository.read(Repository.k8s().resolve("base/oidc/oidc.env"));
    String deploy = Repository.read(Repository.k8s().resolve("deploy"));
    String placeholder = Repository.firstGroup(deploy, "(?m)^PLACEHOLDER=(\\S+)$");
    for (String key :
        List.of(
            "MP_JWT_VERIFY_ISSUER",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "JWT_AUDIENCES",
            "SETPOINT_SECURITY_GROUPS_ADMIN")) {
      assertTrue(
          Pattern.compile("(?m)^" + key + "=.*" + Pattern.quote(placeholder)).matcher(oidc).find(),
          key + " ships a value k8s/deploy would not refuse");
    }
    assertTrue(deploy.contains("grep -n \"$PLACEHOLDER\""), "k8s/deploy checks no placeholder");
  }

  // ---------------------------------------------------------------------------------- Kafka

  @ParameterizedTest
  @MethodSource("overlays")
  void kafkaListensOnlyForTlsWithScramUsersAndAuthorizesThem(String overlay) {
    Rendered r = rendered.get(overlay);
    for (Kafka kafka : r.all(Kafka.class)) {
      assertTrue(
          kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple,
          "Kafka authorizes with ACLs");
      for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
        assertTrue(listener.isTls(), "listener " + listener.getName() + " without TLS");
        assertTrue(
            listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512,
            "listener " + listener.getName() + " without SCRAM-SHA-512");
        assertFalse(listOf(listener.getNetworkPolicyPeers()).isEmpty(), "no peers");
        for (NetworkPolicyPeer peer : listener.getNetworkPolicyPeers()) {
          assertPinned(peer, "Kafka listener " + listener.getName());
        }
      }
      for (KafkaUser user : r.all(KafkaUser.class)) {
        assertTrue(
            user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
            user.getMetadata().getName());
        assertEquals(
            kafka.getMetadata().getName(),
            user.getMetadata().getLabels().get("strimzi.io/cluster"),
            user.getMetadata().getName() + " is a user of another cluster");
        assertEquals(kafka.getMetadata().getNamespace(), user.getMetadata().getNamespace());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyKafkaClientLogsInAsAUserWithExactlyItsRolesAcls(String overlay) {
    Rendered r = rendered.get(overlay);
    // The edge's relay uses the cloud's Kafka: its users and listener are the cloud overlay's.
    Rendered cluster = r.all(Kafka.class).isEmpty() ? rendered.get("cloud") : r;
    Kafka kafka = cluster.all(Kafka.class).getFirst();
    GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().getFirst();
    Set<String> copied = OverlaysTest.copiedSecretKeys();
    int clients = 0;
    for (Workload w : libertyWorkloads(r)) {
      Container c = w.template().getSpec().getContainers().getFirst();
      List<String> modules = WarConfiguration.modulesOfImage(c.getImage());
      if (!modules.contains("relay-war") && !modules.contains("analytics-war")) {
        assertTrue(
            listOf(c.getEnv()).stream().noneMatch(e -> e.getName().contains("KAFKA")),
            w + " is no Kafka client");
        continue;
      }
      clients++;
      Map<String, String> env = literalEnvironment(r, w, c);
      String prefix = "MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_";
      assertTrue(
          env.get(prefix + "BOOTSTRAP_SERVERS").endsWith(":" + listener.getPort()),
          w + ": connects to the TLS listener");
      assertEquals("SASL_SSL", env.get(prefix + "SECURITY_PROTOCOL"), w.toString());
      assertEquals("SCRAM-SHA-512", env.get(prefix + "SASL_MECHANISM"), w.toString());
      assertEquals("PEM", env.get(prefix + "SSL_TRUSTSTORE_TYPE"), w.toString());
      String ca = secretMountedAt(w, c, env.get(prefix + "SSL_TRUSTSTORE_LOCATION"), "ca.crt");
      assertEquals(kafka.getMetadata().getName() + "-cluster-ca-cert", ca, w + ": truststore");
      SecretKeySelector jaas = secretRef(c, prefix + "SASL_JAAS_CONFIG");
      assertEquals("sasl.jaas.config", jaas.getKey());
      KafkaUser user =
          cluster.all(KafkaUser.class).stream()
              .filter(u -> u.getMetadata().getName().equals(jaas.getName()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(w + ": no KafkaUser " + jaas.getName()));
      if (!w.namespace().equals(kafka.getMetadata().getNamespace())) {
        for (String secret : List.of(jaas.getName() + ":sasl.jaas.config", ca + ":ca.crt")) {
          assertTrue(
              copied.contains(w.namespace() + ":" + secret),
              w + ": k8s/deploy does not copy " + secret + " into " + w.namespace());
        }
      }
      assertEquals(
          neededAcls(modules, env),
          grantedAcls(user),
          "KafkaUser " + user.getMetadata().getName() + " grants other rights than " + modules);
    }
    assertEquals(overlay.equals("openshift") ? 2 : 1, clients, "Kafka clients in " + overlay);
  }

  /**
   * What the channels of these WARs do, as "Operation resource-type:name": Write on the topics of
   * outgoing channels (a channel without a topic is the relay's outbox, which carries the
   * contracts' topics that no channel of the WAR names), Read on those of incoming channels and on
   * their consumer groups (as the ConfigMap sets them), and the same for a consumer a WAR runs
   * itself ({@code setpoint.<war>.<stream>.kafka.topic} and {@code .group.id}: analytics'
   * telemetry). Describe comes with each.
   */
  private static Set<String> neededAcls(List<String> modules, Map<String, String> env) {
    Set<String> acls = new TreeSet<>();
    for (String module : modules) {
      if (module.equals("ingest-war")) {
        continue;
      }
      Properties config = new Properties();
      try {
        config.load(
            new StringReader(
                Repository.read(
                    Repository.root()
                        .resolve(
                            module
                                + "/src/main/resources/META-INF/microprofile-config.properties"))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Pattern channel =
          Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
      Set<String> named = new TreeSet<>();
      List<String> topicless = new ArrayList<>();
      for (String key : config.stringPropertyNames()) {
        Matcher m = channel.matcher(key);
        if (!m.matches()) {
          continue;
        }
        String base = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
        String topic = config.getProperty(base + "topic");
        String operation = m.group(1).equals("incoming") ? "Read" : "Write";
        if (topic == null) {
          assertEquals("outgoing", m.group(1), key + ": an incoming channel without a topic");
          topicless.add(m.group(2));
          continue;
        }
        named.add(topic);
        acls.add(operation + " topic:" + topic);
        acls.add("Describe topic:" + topic);
        if (m.group(1).equals("incoming")) {
          String group =
              env.getOrDefault(
                  (base + "group.id").toUpperCase().replaceAll("[^A-Z0-9]", "_"),
                  config.getProperty(base + "group.id"));
          assertNotNull(group, key + ": no consumer group");
          acls.add("Read group:" + group);
          acls.add("Describe group:" + group);
        }
      }
      Pattern plainConsumer = Pattern.compile("(setpoint\\.[a-z-]+\\.[a-z-]+\\.kafka\\.)topic");
      for (String key : config.stringPropertyNames()) {
        Matcher m = plainConsumer.matcher(key);
        if (!m.matches()) {
          continue;
        }
        String topic = config.getProperty(key);
        named.add(topic);
        acls.add("Read topic:" + topic);
        acls.add("Describe topic:" + topic);
        String groupKey = m.group(1) + "group.id";
        String group =
            env.getOrDefault(
                groupKey.toUpperCase().replaceAll("[^A-Z0-9]", "_"), config.getProperty(groupKey));
        assertNotNull(group, key + ": no consumer group");
        acls.add("Read group:" + group);
        acls.add("Describe group:" + group);
      }
      if (!topicless.isEmpty()) {
        for (String topic : contractTopics()) {
          // A dead-letter topic is written by its own named channel, never by a message that
          // names its topic (the relay's outbox-out).
          if (!named.contains(topic) && !topic.endsWith(".dlq")) {
            acls.add("Write topic:" + topic);
            acls.add("Describe topic:" + topic);
          }
        }
      }
    }
    return acls;
  }

  /** The user's ACLs, expanded to the concrete names of the topics and groups it may use. */
  private static Set<String> grantedAcls(KafkaUser user) {
    assertTrue(
        user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple,
        user.getMetadata().getName() + ": no ACLs");
    Set<String> concrete = new TreeSet<>(contractTopics());
    concrete.addAll(consumerGroups());
    Set<String> granted = new TreeSet<>();
    for (AclRule rule :
        ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
      String type;
      String name;
      AclResourcePatternType pattern;
      switch (rule.getResource()) {
        case AclRuleTopicResource t -> {
          type = "topic";
          name = t.getName();
          pattern = t.getPatternType();
        }
        case AclRuleGroupResource g -> {
          type = "group";
          name = g.getName();
          pattern = g.getPatternType();
        }
        default ->
            throw new AssertionError(
                user.getMetadata().getName() + ": an ACL on " + rule.getResource().getType());
      }
      assertFalse(name.equals("*"), user.getMetadata().getName() + ": an ACL on every " + type);
      for (AclOperation operation : rule.getOperations()) {
        assertFalse(operation == AclOperation.ALL, user.getMetadata().getName() + ": All");
        for (String candidate : concrete) {
          boolean matches =
              pattern == AclResourcePatternType.PREFIX
                  ? candidate.startsWith(name)
                  : candidate.equals(name);
          boolean rightKind = candidate.contains(".") == type.equals("topic");
          if (matches && rightKind) {
            granted.add(label(operation) + " " + type + ":" + candidate);
          }
        }
      }
    }
    return granted;
  }

  private static String label(AclOperation operation) {
    String name = operation.name().toLowerCase();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The topics of contracts' Topics class. */
  private static Set<String> contractTopics() {
    String source =
        Repository.read(
            Repository.root()
                .resolve("contracts/src/main/java/dev/setpoint/contracts/telemetry/Topics.java"));
    Set<String> topics = new TreeSet<>();
    Matcher m = Pattern.compile("String \\w+ = \"([^\"]+)\"").matcher(source);
    while (m.find()) {
      topics.add(m.group(1));
    }
    assertFalse(topics.isEmpty());
    return topics;
  }

  /** Every consumer group a WAR's properties or a ConfigMap of any overlay names. */
  private static Set<String> consumerGroups() {
    Set<String> groups = new TreeSet<>();
    Pattern group =
        Pattern.compile(
            "(?m)^(?:mp\\.messaging\\.incoming\\.[^.]+|setpoint\\.[a-z-]+\\.[a-z-]+\\.kafka)"
                + "\\.group\\.id=(.+)$");
    for (String module : List.of("relay-war", "analytics-war")) {
      Matcher m =
          group.matcher(
              Repository.read(
                  Repository.root()
                      .resolve(
                          module + "/src/main/resources/META-INF/microprofile-config.properties")));
      while (m.find()) {
        groups.add(m.group(1).trim());
      }
    }
    return groups;
  }

  // -------------------------------------------------------------------------------- network

  @ParameterizedTest
  @MethodSource("overlays")
  void everyNetworkPolicyPeerNamesItsNamespaceAndPods(String overlay) {
    Rendered r = rendered.get(overlay);
    int peers = 0;
    for (NetworkPolicy policy : r.all(NetworkPolicy.class)) {
      String what = "NetworkPolicy " + policy.getMetadata().getName();
      List<NetworkPolicyPeer> all = new ArrayList<>();
      listOf(policy.getSpec().getIngress()).forEach(rule -> all.addAll(listOf(rule.getFrom())));
      listOf(policy.getSpec().getEgress()).forEach(rule -> all.addAll(listOf(rule.getTo())));
      for (NetworkPolicyPeer peer : all) {
        if (peer.getNamespaceSelector() != null) {
          assertPinned(peer, what);
          peers++;
        }
      }
      // No pod may let itself in by wearing a label: client labels are not selectors any more.
      assertFalse(
          policy.toString().contains("kafka-client"), what + " admits pods by a label they set");
    }
    assertTrue(peers > 0, "no peer in another namespace checked in " + overlay);
  }

  /**
   * A peer in another namespace names that namespace by the label the API server sets
   * (kubernetes.io/metadata.name), which no tenant can put on theirs, and names its pods too. The
   * one exception is OpenShift's ingress policy group, which admits a host-networked router.
   */
  private static void assertPinned(NetworkPolicyPeer peer, String what) {
    LabelSelector namespaces = peer.getNamespaceSelector();
    assertNotNull(namespaces, what + ": a peer without its namespace");
    Map<String, String> labels =
        namespaces.getMatchLabels() == null ? Map.of() : namespaces.getMatchLabels();
    if (labels.containsKey("policy-group.network.openshift.io/ingress")) {
      return;
    }
    assertTrue(
        labels.containsKey("kubernetes.io/metadata.name"),
        what + ": a peer in any namespace with " + labels);
    LabelSelector pods = peer.getPodSelector();
    assertTrue(
        pods != null && pods.getMatchLabels() != null && !pods.getMatchLabels().isEmpty(),
        what + ": every pod of namespace " + labels.get("kubernetes.io/metadata.name"));
  }

  // --------------------------------------------------------------------------------- InfluxDB

  @ParameterizedTest
  @MethodSource("overlays")
  void analyticsHoldsOnlyATokenScopedToItsBucket(String overlay) {
    Rendered r = rendered.get(overlay);
    Set<String> adminSecrets = new TreeSet<>();
    for (Workload w : r.workloads()) {
      if (w.owner() instanceof StatefulSet && w.name().equals("influxdb")) {
        adminSecrets.add(
            secretRef(
                    w.template().getSpec().getContainers().getFirst(),
                    "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN")
                .getName());
      }
    }
    int checked = 0;
    for (Workload w : libertyWorkloads(r)) {
      Container c = w.template().getSpec().getContainers().getFirst();
      if (!WarConfiguration.modulesOfImage(c.getImage()).contains("analytics-war")) {
        continue;
      }
      checked++;
      assertFalse(adminSecrets.isEmpty(), "no InfluxDB in " + overlay);
      for (EnvVar env : listOf(c.getEnv())) {
        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
          assertFalse(
              adminSecrets.contains(env.getValueFrom().getSecretKeyRef().getName()),
              w + ": " + env.getName() + " comes from InfluxDB's all-access setup Secret");
        }
      }
      String token = secretRef(c, "SETPOINT_ANALYTICS_INFLUX_TOKEN").getName();
      assertTrue(
          OverlaysTest.documentedSecretKeys().contains(w.namespace() + ":" + token + ":token"),
          w + ": k8s/deploy does not make " + token);
    }
    if (!overlay.equals("edge")) {
      assertTrue(checked > 0, "no analytics in " + overlay);
    }
    // The token k8s/deploy makes reads and writes the one bucket, and nothing else.
    String deploy = Repository.read(Repository.k8s().resolve("deploy"));
    String create = Repository.firstGroup(deploy, "(influx auth create[^']*)'");
    assertTrue(create.contains("--read-bucket") && create.contains("--write-bucket"), create);
    assertFalse(create.contains("--all-access") || create.contains("--operator"), create);
    assertFalse(
        create.matches(".*--(read|write)-(orgs|buckets|users|authorizations)\\b.*"), create);
  }

  // ------------------------------------------------------------------------ pod security

  @ParameterizedTest
  @MethodSource("overlays")
  void everyContainerHasAReadOnlyRootFilesystem(String overlay) {
    Rendered r = rendered.get(overlay);
    int containers = 0;
    for (Workload w : r.workloads()) {
      for (Container c : w.containers().toList()) {
        containers++;
        assertEquals(
            Boolean.TRUE,
            c.getSecurityContext().getReadOnlyRootFilesystem(),
            w + " " + c.getName() + ": readOnlyRootFilesystem");
        if (isLiberty(w)) {
          for (String path : LIBERTY_WRITES) {
            VolumeMount mount =
                listOf(c.getVolumeMounts()).stream()
                    .filter(m -> m.getMountPath().equals(path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(w + ": Liberty cannot write " + path));
            Volume volume = volume(w, mount.getName());
            assertNotNull(volume.getEmptyDir(), w + ": " + path + " is no emptyDir");
            assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), w + ": " + path + " read-only");
          }
        }
      }
    }
    assertTrue(containers > 0);
    for (Kafka kafka : r.all(Kafka.class)) {
      var kafkaTemplate = kafka.getSpec().getKafka().getTemplate();
      var entity = kafka.getSpec().getEntityOperator().getTemplate();
      for (var entry :
          Map.of(
                  "kafka", kafkaTemplate.getKafkaContainer(),
                  "topic operator", entity.getTopicOperatorContainer(),
                  "user operator", entity.getUserOperatorContainer())
              .entrySet()) {
        assertEquals(
            Boolean.TRUE,
            entry.getValue().getSecurityContext().getReadOnlyRootFilesystem(),
            "Strimzi's " + entry.getKey() + " container: readOnlyRootFilesystem");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyNamespaceEnforcesTheRestrictedProfile(String overlay) {
    Rendered r = rendered.get(overlay);
    assertFalse(r.all(Namespace.class).isEmpty());
    for (Namespace ns : r.all(Namespace.class)) {
      for (String mode : List.of("enforce", "audit", "warn")) {
        assertEquals(
            "restricted",
            ns.getMetadata().getLabels().get("pod-security.kubernetes.io/" + mode),
            "namespace " + ns.getMetadata().getName() + ": Pod Security " + mode);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyPodMeetsTheRestrictedProfile(String overlay) {
    Rendered r = rendered.get(overlay);
    for (Workload w : r.workloads()) {
      PodSpec spec = w.template().getSpec();
      PodSecurityContext pod = spec.getSecurityContext();
      assertFalse(Boolean.TRUE.equals(spec.getHostNetwork()), w + ": hostNetwork");
      assertFalse(Boolean.TRUE.equals(spec.getHostPID()), w + ": hostPID");
      assertFalse(Boolean.TRUE.equals(spec.getHostIPC()), w + ": hostIPC");
      for (Volume v : listOf(spec.getVolumes())) {
        assertTrue(
            RESTRICTED_VOLUMES.contains(volumeKind(v)), w + ": volume " + v.getName() + " kind");
      }
      for (Container c : w.containers().toList()) {
        String what = w + " " + c.getName();
        SecurityContext sc = c.getSecurityContext();
        assertTrue(
            Boolean.TRUE.equals(sc.getRunAsNonRoot()) || Boolean.TRUE.equals(pod.getRunAsNonRoot()),
            what + ": runAsNonRoot");
        assertFalse(
            Long.valueOf(0).equals(sc.getRunAsUser()) || Long.valueOf(0).equals(pod.getRunAsUser()),
            what + ": runs as root");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), what);
        assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), what + ": privileged");
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), what + ": drop ALL");
        assertTrue(
            Set.of("NET_BIND_SERVICE").containsAll(listOf(sc.getCapabilities().getAdd())),
            what + ": adds capabilities");
        String seccomp =
            sc.getSeccompProfile() != null
                ? sc.getSeccompProfile().getType()
                : pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
        assertTrue(Set.of("RuntimeDefault", "Localhost").contains(seccomp), what + ": seccomp");
        for (ContainerPort port : listOf(c.getPorts())) {
          assertEquals(null, port.getHostPort(), what + ": hostPort");
        }
      }
    }
    for (Kafka kafka : r.all(Kafka.class)) {
      var kafkaTemplate = kafka.getSpec().getKafka().getTemplate();
      var entity = kafka.getSpec().getEntityOperator().getTemplate();
      assertRestricted("Kafka pods", kafkaTemplate.getPod(), kafkaTemplate.getKafkaContainer());
      assertRestricted("topic operator", entity.getPod(), entity.getTopicOperatorContainer());
      assertRestricted("user operator", entity.getPod(), entity.getUserOperatorContainer());
    }
  }

  private static void assertRestricted(String what, PodTemplate pod, ContainerTemplate c) {
    assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), what);
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), what);
    assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), what);
    assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), what);
  }

  // ------------------------------------------------------------------------------------ helpers

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static boolean isLiberty(Workload w) {
    return w.containers().anyMatch(c -> !WarConfiguration.modulesOfImage(c.getImage()).isEmpty());
  }

  private static List<Workload> libertyWorkloads(Rendered r) {
    return r.workloads().stream().filter(HardeningTest::isLiberty).toList();
  }

  private static String typeOf(Service s) {
    return s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
  }

  private static List<Workload> selectedWorkloads(Rendered r, Service s) {
    return r.workloads().stream()
        .filter(w -> w.namespace().equals(s.getMetadata().getNamespace()))
        .filter(
            w ->
                OverlaysTest.matches(
                    new LabelSelector(List.of(), s.getSpec().getSelector()), w.podLabels()))
        .toList();
  }

  private static List<Service> servicesOf(Rendered r, Workload w) {
    return r.all(Service.class).stream().filter(s -> selectedWorkloads(r, s).contains(w)).toList();
  }

  private static List<GenericKubernetesResource> certificates(Rendered r, String namespace) {
    return r.all(GenericKubernetesResource.class).stream()
        .filter(g -> g.getKind().equals("Certificate"))
        .filter(g -> g.getMetadata().getNamespace().equals(namespace))
        .toList();
  }

  /** The ConfigMap values and literal values a container's environment gets. */
  private static Map<String, String> literalEnvironment(Rendered r, Workload w, Container c) {
    Map<String, String> env = new HashMap<>();
    for (EnvFromSource from : listOf(c.getEnvFrom())) {
      ConfigMap map =
          r.find(ConfigMap.class, w.namespace(), from.getConfigMapRef().getName())
              .orElseThrow(() -> new AssertionError(w + ": no ConfigMap"));
      env.putAll(map.getData());
    }
    for (EnvVar e : listOf(c.getEnv())) {
      if (e.getValueFrom() == null) {
        env.put(e.getName(), e.getValue());
      }
    }
    return env;
  }

  private static SecretKeySelector secretRef(Container c, String variable) {
    return listOf(c.getEnv()).stream()
        .filter(e -> e.getName().equals(variable))
        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .map(e -> e.getValueFrom().getSecretKeyRef())
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(c.getName() + ": " + variable + " comes from no Secret"));
  }

  private static Volume volume(Workload w, String name) {
    return listOf(w.template().getSpec().getVolumes()).stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(w + ": no volume " + name));
  }

  /** The Secret whose key {@code key} is the file at {@code path} in the container. */
  private static String secretMountedAt(Workload w, Container c, String path, String key) {
    assertNotNull(path, w + ": no path for " + key);
    for (VolumeMount mount : listOf(c.getVolumeMounts())) {
      String dir =
          mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
      if (!path.startsWith(dir)) {
        continue;
      }
      Volume v = volume(w, mount.getName());
      assertNotNull(v.getSecret(), w + ": " + path + " is not from a Secret");
      assertTrue(Boolean.TRUE.equals(mount.getReadOnly()), w + ": " + dir + " is writable");
      String file = path.substring(dir.length());
      assertTrue(
          v.getSecret().getItems().stream()
              .anyMatch(i -> i.getKey().equals(key) && i.getPath().equals(file)),
          w + ": " + path + " is not the key " + key + " of " + v.getSecret().getSecretName());
      return v.getSecret().getSecretName();
    }
    throw new AssertionError(w + ": nothing is mounted at " + path);
  }

  private static String volumeKind(Volume v) {
    if (v.getConfigMap() != null) {
      return "configMap";
    }
    if (v.getSecret() != null) {
      return "secret";
    }
    if (v.getEmptyDir() != null) {
      return "emptyDir";
    }
    if (v.getPersistentVolumeClaim() != null) {
      return "persistentVolumeClaim";
    }
    if (v.getProjected() != null) {
      return "projected";
    }
    if (v.getDownwardAPI() != null) {
      return "downwardAPI";
    }
    if (v.getCsi() != null) {
      return "csi";
    }
    if (v.getEphemeral() != null) {
      return "ephemeral";
    }
    return "other";
  }
}
