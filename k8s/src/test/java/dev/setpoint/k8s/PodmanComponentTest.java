package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local run's adaptation ({@code components/podman}, k8s/README.md "The local run") rendered on
 * the edge and cloud overlays as {@code k8s/deploy podman} renders it, checked without podman: only
 * what kube play 4.3.1 plays is left, every pod is on the host's network on ports of its own with
 * its host name resolvable, its liveness probe is one the image can run, its emptyDirs are named
 * after it, no Secret volume is left, and the ConfigMaps speak PLAINTEXT to the stack's broker.
 * {@code PodmanLocalRunIT} plays it for real where podman runs containers.
 */
class PodmanComponentTest {

  private static final Map<String, List<String>> DEPLOYMENTS =
      Map.of("edge", List.of("ingest", "relay"), "cloud", List.of("analytics"));

  private static Rendered render(String overlay) throws IOException {
    // kustomize takes other kustomizations by relative path only: a folder under target/.
    Path dir = Repository.k8s().resolve("target/podman-component").resolve(overlay);
    Files.createDirectories(dir);
    String k8s = dir.relativize(Repository.k8s()).toString();
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "resources:\n  - %s/overlays/%s\ncomponents:\n  - %s/components/podman\n"
            .formatted(k8s, overlay, k8s));
    return Kustomize.render(overlay + " with components/podman", dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"edge", "cloud"})
  void onlyDeploymentsAndConfigMapsAreLeft(String overlay) throws IOException {
    Rendered r = render(overlay);
    Set<String> kinds = new HashSet<>();
    for (HasMetadata object : r.all(HasMetadata.class)) {
      kinds.add(object.getKind());
    }
    assertEquals(Set.of("ConfigMap", "Deployment"), kinds, "kinds kube play 4.3.1 plays");
    assertEquals(
        Set.copyOf(DEPLOYMENTS.get(overlay)),
        Set.copyOf(r.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"edge", "cloud"})
  void everyPodRunsOnTheHostsNetworkWithPortsItsHostNameAndAProbeOfItsOwn(String overlay)
      throws IOException {
    Set<String> ports = new HashSet<>();
    for (Deployment deployment : render(overlay).all(Deployment.class)) {
      String name = deployment.getMetadata().getName();
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      assertEquals(1, deployment.getSpec().getReplicas(), name);
      assertTrue(pod.getHostNetwork(), name + " on the host's network");
      assertTrue(
          pod.getHostAliases().stream()
              .anyMatch(
                  a -> "127.0.0.1".equals(a.getIp()) && a.getHostnames().contains(name + "-pod-0")),
          name + ": the host name kube play gives its pod resolves");
      Container container = pod.getContainers().getFirst();
      assertTrue(container.getPorts() == null || container.getPorts().isEmpty(), name);
      for (String port : List.of("HTTPS_PORT", "HTTP_PORT")) {
        String value = env(container, port);
        assertNotNull(value, name + " " + port);
        assertTrue(ports.add(value), name + ": port " + value + " is another pod's");
      }
      // The liveness probe runs in the container: bash's /dev/tcp, no curl, no named port.
      assertNull(container.getLivenessProbe().getHttpGet(), name);
      List<String> command = container.getLivenessProbe().getExec().getCommand();
      assertEquals(List.of("bash", "-c"), command.subList(0, 2), name);
      assertTrue(command.get(2).contains("/dev/tcp/127.0.0.1/$HTTP_PORT"), name);
      assertTrue(command.get(2).contains("GET /health/live "), name);
      // The read-only root and its writable folders stay; the folders are this pod's own.
      assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem(), name);
      for (Volume volume : pod.getVolumes()) {
        assertNull(volume.getSecret(), name + ": kube play mounts no Secret volume");
        if (volume.getEmptyDir() != null) {
          assertTrue(volume.getName().startsWith(name + "-"), name + ": " + volume.getName());
        }
      }
      assertTrue(
          container.getEnv().stream()
              .noneMatch(
                  e -> e.getName().equals("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SASL_JAAS_CONFIG")),
          name + ": no SASL credentials for the stack's broker");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"edge", "cloud"})
  void theKafkaClientsSpeakPlaintextToTheStacksBroker(String overlay) throws IOException {
    int clients = 0;
    for (ConfigMap map : render(overlay).all(ConfigMap.class)) {
      Map<String, String> data = map.getData();
      if (data == null
          || !data.containsKey("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_BOOTSTRAP_SERVERS")) {
        continue;
      }
      clients++;
      String name = map.getMetadata().getName();
      assertEquals(
          "PLAINTEXT", data.get("MP_MESSAGING_CONNECTOR_LIBERTY_KAFKA_SECURITY_PROTOCOL"), name);
      for (String key : data.keySet()) {
        assertFalse(
            key.contains("_KAFKA_SASL_") || key.contains("_KAFKA_SSL_"),
            name + " keeps " + key + ", which kube play's envFrom would hand the pod");
      }
    }
    assertTrue(clients > 0, "no Kafka client's ConfigMap in " + overlay);
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }
}
