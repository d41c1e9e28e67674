package dev.setpoint.relay.infrastructure.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.alert.WebhookSignature;
import dev.setpoint.relay.domain.LocalAlertReceiver.Delivery;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP receiver (the JDK's server) on a free port. */
class WebhookLocalAlertReceiverTest {
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  final String secret = UUID.randomUUID().toString(); // made per run
  final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger status = new AtomicInteger(204);
  HttpServer server;
  String url;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/alerts",
        exchange -> {
          var h = exchange.getRequestHeaders();
          java.util.HashMap<String, String> seen = new java.util.HashMap<>();
          for (String name :
              List.of(
                  WebhookSignature.TIMESTAMP_HEADER,
                  WebhookSignature.SIGNATURE_HEADER,
                  WebhookSignature.DELIVERY_HEADER,
                  WebhookSignature.EVENT_HEADER,
                  "Content-Type")) {
            if (h.getFirst(name) != null) {
              seen.put(name, h.getFirst(name));
            }
          }
          seen.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          requests.add(seen);
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static EdgeAlert alert() {
    return new EdgeAlert(
        AlertIds.of(AlertKind.INLET_HIGH, "hall", T0),
        AlertKind.INLET_HIGH,
        Severity.CRITICAL,
        EdgeAlert.Event.RAISED,
        "hall",
        "s1",
        33.0,
        32.0,
        "room hall: hottest inlet 33.0 °C",
        T0,
        T0,
        "s1");
  }

  WebhookLocalAlertReceiver receiver(Optional<String> key) {
    return new WebhookLocalAlertReceiver(
        Optional.of(url), key, Duration.ofSeconds(2), Clock.systemUTC());
  }

  @Test
  void aChangeIsPostedSignedWithTheConfiguredSecretAsTheCloudSignsItsWebhooks() {
    Delivery d = receiver(Optional.of(secret)).deliver("delivery-1", alert());
    assertTrue(d.delivered(), d.detail());
    assertEquals(1, requests.size());
    Map<String, String> r = requests.getFirst();
    assertEquals(alert(), new EdgeAlertCodec().decode(r.get("body")));
    assertEquals("delivery-1", r.get(WebhookSignature.DELIVERY_HEADER));
    assertEquals("raised", r.get(WebhookSignature.EVENT_HEADER));
    assertTrue(r.get("Content-Type").startsWith("application/json"));
    assertTrue(
        WebhookSignature.verify(
            secret,
            r.get(WebhookSignature.TIMESTAMP_HEADER),
            r.get(WebhookSignature.SIGNATURE_HEADER),
            r.get("body").getBytes(StandardCharsets.UTF_8),
            Instant.now(),
            Duration.ofMinutes(5)));
  }

  @Test
  void withoutASecretTheRequestGoesUnsigned() {
    assertTrue(receiver(Optional.empty()).deliver("d", alert()).delivered());
    assertNull(requests.getFirst().get(WebhookSignature.SIGNATURE_HEADER));
  }

  @Test
  void anythingButA2xxIsAFailureNamingTheAnswer() {
    status.set(500);
    Delivery d = receiver(Optional.of(secret)).deliver("d", alert());
    assertFalse(d.delivered());
    assertEquals("HTTP 500", d.detail());
    server.stop(0);
    d = receiver(Optional.of(secret)).deliver("d", alert());
    assertFalse(d.delivered());
  }

  @Test
  void onlyAnHttpUrlIsAWebhookAndNoneMeansNotConfigured() {
    assertFalse(
        new WebhookLocalAlertReceiver(
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Clock.systemUTC())
            .configured());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new WebhookLocalAlertReceiver(
                    Optional.of("ftp://lan/alerts"),
                    Optional.empty(),
                    Duration.ofSeconds(1),
                    Clock.systemUTC()));
    assertTrue(e.getMessage().contains("setpoint.relay.alerts.webhook-url"), e.getMessage());
  }
}
