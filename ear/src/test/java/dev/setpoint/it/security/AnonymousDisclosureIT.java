package dev.setpoint.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.Edge;
import dev.setpoint.it.Scraper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacker on the hub's LAN without credentials asks the server's own endpoints what it is made
 * of: {@code /metrics} (device and room names, figures), {@code /health} (driver error text, host
 * names and ports, the model's path) and {@code /openapi} (a map of the API). The EAR test server
 * runs as shipped: a device in a named room is registered and has posted, so there are names to
 * leak. The outages' DOWN bodies are checked where EndToEndIT already stops MongoDB and Kafka
 * ({@link Disclosures}).
 */
class AnonymousDisclosureIT {
  private static String device;
  private static String room;

  @BeforeAll
  static void aDeviceInANamedRoomHasPosted() throws Exception {
    Edge.awaitReady(Duration.ofSeconds(180));
    String id = UUID.randomUUID().toString().substring(0, 8);
    device = "anon-probe-" + id;
    room = "anon-room-" + id;
    Edge.registerInRoom(device, room);
    assertEquals(201, Edge.post(device, 22.5, 40.0).statusCode());
  }

  @Test
  void anonymousMetricsAreRefused() throws Exception {
    for (String path : List.of("/metrics", "/metrics?scope=application", "/metrics?scope=base")) {
      HttpResponse<String> plain = Edge.get(Edge.BASE + path);
      // over plain HTTP a redirect to HTTPS, which answers 401; over HTTPS 401 at once
      assertTrue(
          Set.of(302, 401, 403).contains(plain.statusCode()), path + ": " + plain.statusCode());
      assertFalse(plain.body().contains("setpoint_"), plain.body());
      HttpResponse<String> followed = Scraper.anonymous(path);
      assertTrue(
          Set.of(401, 403).contains(followed.statusCode()), path + ": " + followed.statusCode());
      assertFalse(followed.body().contains("setpoint_"), followed.body());
    }
    assertEquals(
        401, Scraper.withPassword("/metrics", "guessed-" + UUID.randomUUID()).statusCode());
  }

  @Test
  void theScraperSeesTheFiguresButNoDeviceOrRoomName() throws Exception {
    HttpResponse<String> metrics = Scraper.get("/metrics");
    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(metrics.body().contains("setpoint_relay_backlog"), "no relay backlog");
    assertTrue(metrics.body().contains("thread_count"), "no base metrics");
    assertFalse(metrics.body().contains(device), "names the device " + device);
    assertFalse(metrics.body().contains(room), "names the room " + room);
  }

  @Test
  void anonymousHealthShowsStatesAndReasonsOnly() throws Exception {
    for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started")) {
      HttpResponse<String> health = Edge.get(Edge.BASE + path);
      assertEquals(200, health.statusCode(), path + ": " + health.body());
      assertTrue(health.body().contains("\"checks\""), health.body());
      Disclosures.assertRevealsNothing(health.body());
      assertFalse(health.body().contains(device), health.body());
      assertFalse(health.body().contains("setpoint-analytics"), "the consumer group's name");
    }
  }

  @Test
  void openApiIsOffByDefault() throws Exception {
    for (String path : List.of("/openapi", "/openapi?format=JSON", "/openapi/ui", "/openapi/ui/")) {
      HttpResponse<String> answer = Edge.get(Edge.BASE + path);
      assertTrue(Set.of(403, 404).contains(answer.statusCode()), path + ": " + answer.statusCode());
      assertFalse(answer.body().contains("/api/v3"), path + " lists the API: " + answer.body());
    }
  }
}
