package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates each overlay's NetworkPolicies (and the policy Strimzi makes from the Kafka listener's
 * peers) for every pair of endpoints and port, and compares the flows they allow with
 * ARCHITECTURE.md's: devices -> ingest, ingest, relay and analytics -> MongoDB (analytics to its
 * own store, the rooms' modes), relay and analytics -> Kafka, analytics -> InfluxDB, relay ->
 * weather over HTTPS, operators -> dashboard, everyone -> DNS.
 */
class NetworkFlowsTest {

  /** A pod (ip null) or an address outside the cluster. */
  record Endpoint(
      String name, String namespace, Map<String, String> labels, String ip, Set<Integer> ports) {
    boolean setpoint() {
      return "setpoint".equals(labels.get("app.kubernetes.io/part-of"));
    }
  }

  static List<String> overlays() {
    return Kustomize.OVERLAYS;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void policiesAllowExactlyTheArchitecturesFlows(String overlay) {
    Rendered r = Kustomize.render(overlay);
    boolean openshift = overlay.equals("openshift");
    List<Endpoint> pods = new ArrayList<>();
    for (Rendered.Workload w : r.workloads()) {
      Set<Integer> ports = new TreeSet<>();
      w.containers().forEach(c -> c.getPorts().forEach(p -> ports.add(p.getContainerPort())));
      pods.add(new Endpoint(w.name(), w.namespace(), w.podLabels(), null, ports));
    }
    for (Kafka kafka : r.all(Kafka.class)) {
      Set<Integer> ports = new TreeSet<>();
      kafka.getSpec().getKafka().getListeners().forEach(l -> ports.add(l.getPort()));
      pods.add(
          new Endpoint(
              "kafka",
              kafka.getMetadata().getNamespace(),
              Map.of(
                  "strimzi.io/cluster", kafka.getMetadata().getName(), "strimzi.io/kind", "Kafka"),
              null,
              ports));
    }
    Endpoint outside = new Endpoint("outside", null, Map.of(), "203.0.113.10", Set.of());
    Endpoint router =
        new Endpoint(
            "router", "openshift-ingress", Map.of("ingresscontroller", "default"), null, Set.of());
    Endpoint internet = new Endpoint("internet", null, Map.of(), "93.184.216.34", Set.of(443));
    Endpoint privateNet = new Endpoint("private", null, Map.of(), "10.1.2.3", Set.of(443));

    List<Endpoint> sources = new ArrayList<>(pods);
    sources.add(openshift ? router : outside);
    if (openshift) {
      sources.add(outside);
    }
    List<Endpoint> destinations = new ArrayList<>(pods);
    destinations.add(internet);
    destinations.add(privateNet);

    Set<String> allowed = new TreeSet<>();
    Set<String> expected = new TreeSet<>();
    for (Endpoint src : sources) {
      for (Endpoint dst : destinations) {
        if (src == dst || (dst.ip() != null && !src.setpoint())) {
          continue; // outside addresses: only Setpoint's own egress is restricted
        }
        for (int port : dst.ports()) {
          String flow = src.name() + " -> " + dst.name() + ":" + port;
          if (allows(r, src, dst, port, "TCP")) {
            allowed.add(flow);
          }
          if (expected(src, dst, port, openshift)) {
            expected.add(flow);
          }
        }
      }
    }
    assertEquals(expected, allowed);
    assertTrue(allowed.size() >= 4, allowed.toString());

    Endpoint dns =
        openshift
            ? new Endpoint(
                "dns",
                "openshift-dns",
                Map.of("dns.operator.openshift.io/daemonset-dns", "default"),
                null,
                Set.of(5353))
            : new Endpoint("dns", "kube-system", Map.of("k8s-app", "kube-dns"), null, Set.of(53));
    int resolving = 0;
    for (Endpoint src : pods) {
      if (src.setpoint()) {
        int port = dns.ports().iterator().next();
        assertTrue(allows(r, src, dns, port, "UDP"), src.name() + " cannot resolve names");
        resolving++;
      }
    }
    assertTrue(resolving > 0, "no Setpoint pod checked for DNS");
  }

  private static boolean expected(Endpoint src, Endpoint dst, int port, boolean openshift) {
    String s = src.name();
    return switch (dst.name() + ":" + port) {
      // open to whoever reaches the port (devices, operators through the ingress), but no
      // Setpoint pod calls another's HTTP port; on OpenShift only the router
      case "ingest:9443", "analytics:9443", "setpoint:9443" ->
          openshift ? s.equals("router") : !src.setpoint();
      // the edge buffer (ingest, relay) and analytics' own store (the rooms' modes)
      case "mongodb:27017" -> Set.of("ingest", "relay", "analytics", "setpoint").contains(s);
      case "kafka:9093" -> Set.of("relay", "analytics", "setpoint").contains(s);
      case "influxdb:8086" -> Set.of("analytics", "setpoint", "influxdb-dbrp").contains(s);
      case "internet:443" -> Set.of("relay", "setpoint").contains(s);
      default -> false;
    };
  }

  private static boolean allows(Rendered r, Endpoint src, Endpoint dst, int port, String protocol) {
    return egress(r, src, dst, port, protocol) && ingress(r, src, dst, port, protocol);
  }

  private static boolean egress(Rendered r, Endpoint src, Endpoint dst, int port, String protocol) {
    if (src.ip() != null) {
      return true;
    }
    List<NetworkPolicy> selecting = selecting(r, src, "Egress");
    if (selecting.isEmpty()) {
      return true;
    }
    return selecting.stream()
        .flatMap(
            p ->
                p.getSpec().getEgress() == null
                    ? java.util.stream.Stream.empty()
                    : p.getSpec().getEgress().stream())
        .anyMatch(
            rule ->
                peers(rule.getTo(), dst, src.namespace(), r)
                    && ports(rule.getPorts(), port, protocol));
  }

  private static boolean ingress(
      Rendered r, Endpoint src, Endpoint dst, int port, String protocol) {
    if (dst.ip() != null || dst.namespace() == null) {
      return true;
    }
    if (dst.name().equals("kafka")) {
      // Strimzi's generated policy: the listener of this port admits its networkPolicyPeers.
      Kafka kafka = r.all(Kafka.class).getFirst();
      for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
        if (listener.getPort() == port) {
          return peers(listener.getNetworkPolicyPeers(), src, dst.namespace(), r);
        }
      }
      return false;
    }
    if (!r.namespaceLabels(dst.namespace()).containsKey("app.kubernetes.io/part-of")) {
      return true; // a namespace outside the overlay, e.g. kube-system's DNS
    }
    List<NetworkPolicy> selecting = selecting(r, dst, "Ingress");
    if (selecting.isEmpty()) {
      return true;
    }
    return selecting.stream()
        .flatMap(
            p ->
                p.getSpec().getIngress() == null
                    ? java.util.stream.Stream.empty()
                    : p.getSpec().getIngress().stream())
        .anyMatch(
            rule ->
                peers(rule.getFrom(), src, dst.namespace(), r)
                    && ports(rule.getPorts(), port, protocol));
  }

  private static List<NetworkPolicy> selecting(Rendered r, Endpoint pod, String type) {
    return r.all(NetworkPolicy.class).stream()
        .filter(p -> p.getMetadata().getNamespace().equals(pod.namespace()))
        .filter(p -> p.getSpec().getPolicyTypes().contains(type))
        .filter(p -> selects(p.getSpec().getPodSelector(), pod.labels()))
        .toList();
  }

  /** An empty list of peers admits everyone; otherwise one peer must match. */
  private static boolean peers(
      List<NetworkPolicyPeer> peers, Endpoint other, String policyNamespace, Rendered r) {
    if (peers == null || peers.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPeer peer : peers) {
      if (peer.getIpBlock() != null) {
        if (other.ip() != null && inBlock(peer.getIpBlock(), other.ip())) {
          return true;
        }
        continue;
      }
      if (other.ip() != null) {
        continue;
      }
      boolean namespaceOk =
          peer.getNamespaceSelector() == null
              ? other.namespace().equals(policyNamespace)
              : selects(peer.getNamespaceSelector(), namespaceLabels(r, other.namespace()));
      boolean podOk =
          peer.getPodSelector() == null || selects(peer.getPodSelector(), other.labels());
      if (namespaceOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> namespaceLabels(Rendered r, String namespace) {
    Map<String, String> labels = new java.util.HashMap<>(r.namespaceLabels(namespace));
    if (namespace.equals("openshift-ingress")) {
      labels.put("policy-group.network.openshift.io/ingress", "");
    }
    return labels;
  }

  private static boolean ports(List<NetworkPolicyPort> ports, int port, String protocol) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    return ports.stream()
        .anyMatch(
            p ->
                (p.getProtocol() == null ? "TCP" : p.getProtocol()).equals(protocol)
                    && (p.getPort() == null
                        || Integer.valueOf(port).equals(p.getPort().getIntVal())));
  }

  private static boolean selects(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    return OverlaysTest.matches(selector, labels);
  }

  private static boolean inBlock(IPBlock block, String ip) {
    if (!inCidr(block.getCidr(), ip)) {
      return false;
    }
    return block.getExcept() == null || block.getExcept().stream().noneMatch(e -> inCidr(e, ip));
  }

  private static boolean inCidr(String cidr, String ip) {
    try {
      String[] parts = cidr.split("/");
      int bits = Integer.parseInt(parts[1]);
      BigInteger network = new BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
      BigInteger address = new BigInteger(1, InetAddress.getByName(ip).getAddress());
      int shift = 32 - bits;
      return network.shiftRight(shift).equals(address.shiftRight(shift));
    } catch (UnknownHostException e) {
      throw new AssertionError(cidr, e);
    }
  }
}
