package dev.setpoint.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One rendered overlay: its objects, and the pod templates of its workloads. */
record Rendered(String overlay, List<HasMetadata> objects) {

  /** A Deployment, StatefulSet or Job with its pod template. */
  record Workload(HasMetadata owner, PodTemplateSpec template) {

    String kind() {
      return owner.getKind();
    }

    String name() {
      return owner.getMetadata().getName();
    }

    String namespace() {
      return owner.getMetadata().getNamespace();
    }

    Map<String, String> podLabels() {
      Map<String, String> labels = template.getMetadata().getLabels();
      return labels == null ? Map.of() : labels;
    }

    Stream<Container> containers() {
      var spec = template.getSpec();
      return Stream.concat(
          spec.getInitContainers() == null ? Stream.empty() : spec.getInitContainers().stream(),
          spec.getContainers().stream());
    }

    @Override
    public String toString() {
      return kind() + " " + namespace() + "/" + name();
    }
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return all(type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()))
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .findFirst();
  }

  List<Workload> workloads() {
    return objects.stream()
        .map(
            o ->
                switch (o) {
                  case Deployment d -> new Workload(d, d.getSpec().getTemplate());
                  case StatefulSet s -> new Workload(s, s.getSpec().getTemplate());
                  case Job j -> new Workload(j, j.getSpec().getTemplate());
                  default -> null;
                })
        .filter(w -> w != null)
        .toList();
  }

  List<Workload> deployments() {
    return workloads().stream().filter(w -> w.owner() instanceof Deployment).toList();
  }

  /** The labels a namespace of this render carries, as the API server sets them. */
  Map<String, String> namespaceLabels(String namespace) {
    Map<String, String> labels = new java.util.HashMap<>();
    all(Namespace.class).stream()
        .filter(n -> n.getMetadata().getName().equals(namespace))
        .findFirst()
        .map(n -> n.getMetadata().getLabels())
        .ifPresent(labels::putAll);
    labels.put("kubernetes.io/metadata.name", namespace);
    return labels;
  }

  @Override
  public String toString() {
    return overlay;
  }
}
