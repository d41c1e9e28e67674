package dev.setpoint.analytics.application.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.notify.WebhookTargets.HostPort;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which webhook URLs are refused: not http(s), or this service itself by any of its names. */
class WebhookTargetsTest {
  /** This machine is 10.0.0.5 and "analytics-0"; "receiver" is 10.0.0.9. */
  private static final WebhookTargets.Resolver RESOLVER =
      new WebhookTargets.Resolver() {
        private final Map<String, String> names =
            Map.of("analytics-0", "10.0.0.5", "receiver", "10.0.0.9");

        @Override
        public List<InetAddress> addresses(String host) throws UnknownHostException {
          String ip = names.get(host);
          if (ip != null) {
            return List.of(InetAddress.getByName(ip));
          }
          if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
            return List.of(InetAddress.getByName(host));
          }
          throw new UnknownHostException(host);
        }

        @Override
        public boolean isLocal(InetAddress a) {
          return a.isLoopbackAddress()
              || a.isAnyLocalAddress()
              || a.getHostAddress().equals("10.0.0.5");
        }
      };

  private final WebhookTargets targets = new WebhookTargets(Set.of(9080, 9443), RESOLVER);

  private Optional<String> refusal(String url, HostPort... self) {
    return targets.refusal(URI.create(url), List.of(self));
  }

  @Test
  void httpAndHttpsReceiversElsewhereAreTaken() {
    assertEquals(Optional.empty(), refusal("https://hooks.slack.com/services/T0/B0/x"));
    assertEquals(Optional.empty(), refusal("http://receiver:9080/hook"), "another host, same port");
    assertEquals(
        Optional.empty(), refusal("http://localhost:8080/hook"), "this host, another port");
    assertEquals(Optional.empty(), refusal("http://127.0.0.1:18080/hook"));
    assertEquals(Optional.empty(), refusal("http://unknown.example:9080/hook"), "not resolvable");
  }

  @Test
  void aUrlThatIsNotHttpOrHttpsIsRefused() {
    for (String url :
        new String[] {
          "ftp://receiver/x", "file:///etc/passwd", "mailto:ops@example.com", "/relative/hook"
        }) {
      Optional<String> r = refusal(url);
      assertTrue(r.isPresent() && r.get().contains("http or https"), url + ": " + r);
    }
    assertTrue(refusal("http:///nohost").isPresent(), "no host");
  }

  @Test
  void thisServiceByLoopbackNameOrInterfaceOnItsOwnPortsIsRefused() {
    for (String url :
        new String[] {
          "http://localhost:9080/analytics/api/v1/notifications/subscriptions",
          "http://LOCALHOST:9080/x",
          "https://localhost:9443/x",
          "http://127.0.0.1:9080/x",
          "http://127.1.2.3:9080/x",
          "http://[::1]:9080/x",
          "http://0.0.0.0:9080/x",
          "http://10.0.0.5:9080/x",
          "http://analytics-0:9080/ingest/api/v3/ping"
        }) {
      Optional<String> r = refusal(url);
      assertTrue(r.isPresent() && r.get().startsWith("points at this service itself"), url);
    }
  }

  @Test
  void theHostAndPortTheRequestCameByAreRefusedWhateverTheyAre() {
    HostPort ingress = new HostPort("Setpoint.Example.com", 443);
    assertTrue(refusal("https://setpoint.example.com/analytics/api", ingress).isPresent());
    assertTrue(refusal("https://setpoint.example.com:443/x", ingress).isPresent());
    assertEquals(
        Optional.empty(), refusal("https://setpoint.example.com:8443/x", ingress), "other port");
  }
}
