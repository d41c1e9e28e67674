package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.Route;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with {@code kubectl kustomize} and parses every object into its typed model
 * (fabric8 for Kubernetes and OpenShift, Strimzi's api for Kafka), strictly: a kind without a
 * model, or a field the model does not know, fails.
 */
final class Kustomize {

  static final List<String> OVERLAYS = List.of("edge", "cloud", "all-in-one", "openshift");

  private static final Map<String, Class<? extends HasMetadata>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("route.openshift.io/v1/Route", Route.class),
          Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
          // No typed model of cert-manager on the build's classpath: CertManager reads these.
          Map.entry("cert-manager.io/v1/Issuer", GenericKubernetesResource.class),
          Map.entry("cert-manager.io/v1/Certificate", GenericKubernetesResource.class));

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Kustomize() {}

  /** The overlay's objects, in kustomize's order. */
  static Rendered render(String overlay) {
    return render(overlay, Repository.k8s().resolve("overlays").resolve(overlay));
  }

  /** The objects of the kustomization in {@code dir}, named {@code overlay} in messages. */
  static Rendered render(String overlay, Path dir) {
    String yaml = run(List.of("kubectl", "kustomize", dir.toString()));
    List<HasMetadata> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull() || document.isEmpty()) {
          continue;
        }
        objects.add(parse(document));
      }
    } catch (IOException e) {
      fail("overlay " + overlay + " did not render to valid YAML: " + e.getMessage());
    }
    return new Rendered(overlay, objects);
  }

  private static HasMetadata parse(JsonNode document) {
    String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    String name = document.path("metadata").path("name").asText();
    Class<? extends HasMetadata> model = MODELS.get(type);
    if (model == null) {
      fail("no model for " + type + " (" + name + "); add one to Kustomize.MODELS");
    }
    try {
      HasMetadata object = YAML.treeToValue(document, model);
      if (model != GenericKubernetesResource.class) {
        Strict.assertNoUnknownFields(object, type + " " + name);
      }
      return object;
    } catch (IOException e) {
      throw new AssertionError(type + " " + name + " does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Runs kubectl. Its absence fails the tests, never skips them: a missing kubectl would otherwise
   * hide every mistake in the manifests.
   */
  static String run(List<String> command) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new AssertionError(
          "kubectl is needed to render the Kustomize overlays and was not found on PATH ("
              + e.getMessage()
              + "). Install kubectl 1.27 or newer (it has kustomize built in), e.g. Google's"
              + " kubernetes apt repository or a release binary, and run the tests again.",
          e);
    }
    try {
      process.getOutputStream().close();
      var stdout = new java.io.ByteArrayOutputStream();
      var stderr = new java.io.ByteArrayOutputStream();
      Thread errors =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      process.getErrorStream().transferTo(stderr);
                    } catch (IOException ignored) {
                      // the exit code tells
                    }
                  });
      process.getInputStream().transferTo(stdout);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " took longer than 60 s");
      }
      errors.join();
      assertEquals(
          0,
          process.exitValue(),
          () -> String.join(" ", command) + " failed: " + stderr.toString(StandardCharsets.UTF_8));
      return stdout.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
