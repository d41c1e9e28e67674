package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge's own alert, end to end against the EAR test server and the stack: with the broker
 * stopped (the WAN down, as far as the edge can tell), a room sensor reports 33.5 °C; ingest judges
 * the room critical, the relay finds it cannot reach the cloud and posts the alert to the LAN
 * webhook (a JDK HTTP server here, on {@code setpoint.it.edge-hook.port}), signed with the run's
 * key; the broker starts again, the alert and the buffered reading reach analytics, and the cloud
 * lists the alert once, under the id the edge gave it.
 */
class EdgeAlertsEndToEndIT {
  static final int HOOK_PORT = Integer.getInteger("setpoint.it.edge-hook.port", 19086);
  static final String SECRET = System.getProperty("setpoint.it.edge-alerts.secret");

  HttpServer receiver;
  final List<String[]> hooks = new CopyOnWriteArrayList<>(); // {timestamp, signature, body}
  final String room = "edge-room-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void serverUp() {
    awaitReady(Duration.ofSeconds(180));
  }

  @BeforeEach
  void lanReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", HOOK_PORT), 0);
    receiver.createContext(
        "/edge-alerts",
        exchange -> {
          hooks.add(
              new String[] {
                exchange.getRequestHeaders().getFirst("X-Setpoint-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Setpoint-Signature"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              });
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /** The LAN deliveries about this test's room. */
  private List<String[]> roomHooks() {
    return hooks.stream().filter(h -> room.equals(json(h[2]).getString("room", null))).toList();
  }

  private JsonArray cloudAlerts() throws Exception {
    HttpResponse<String> page =
        Edge.get(
            Edge.BASE + "/analytics/api/v1/alerts?kind=inlet_high&room=" + room,
            Edge.operatorToken());
    assertEquals(200, page.statusCode(), page.body());
    return json(page.body()).getJsonArray("alerts");
  }

  @Test
  void aRoomOver32WhileTheBrokerIsDownIsToldOnTheLanSignedAndReachesTheCloudOnce()
      throws Exception {
    assertTrue(
        SECRET != null && !SECRET.isBlank() && !SECRET.startsWith("${"),
        "setpoint.it.edge-alerts.secret: run through Maven (ear/pom.xml makes it)");
    String device = room + "-rs";
    Edge.registerInRoom(device, room);

    String[] hook;
    Stack.stop("kafka");
    try {
      assertEquals(201, Edge.post(device, 33.5, 30).statusCode());
      await("the LAN webhook is told while the broker is down")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> !roomHooks().isEmpty());
      hook = roomHooks().getFirst();
    } finally {
      Stack.start("kafka");
    }

    JsonObject alert = json(hook[2]);
    assertEquals("inlet_high", alert.getString("kind"));
    assertEquals("critical", alert.getString("severity"));
    assertEquals("raised", alert.getString("event"));
    assertEquals(33.5, alert.getJsonNumber("value").doubleValue());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertEquals(
        "sha256="
            + HexFormat.of()
                .formatHex(mac.doFinal((hook[0] + "." + hook[2]).getBytes(StandardCharsets.UTF_8))),
        hook[1],
        "signed with the run's key over timestamp.body");
    assertTrue(
        Math.abs(Instant.now().getEpochSecond() - Long.parseLong(hook[0])) < 120,
        "a current timestamp");

    // The link is back: the reading and the edge's alert reach analytics, in either order, and
    // the cloud has the alert once, under the edge's id.
    String id = alert.getString("id");
    Edge.awaitPoints(device, 1, Duration.ofSeconds(60));
    await("the cloud lists the edge's alert")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !cloudAlerts().isEmpty());
    await("and only it")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> cloudAlerts().size() == 1);
    JsonObject listed = cloudAlerts().getJsonObject(0);
    assertEquals(id, listed.getString("id"));
    assertEquals("critical", listed.getString("severity"));
    assertEquals(1, roomHooks().size(), "the LAN was told once");
  }
}
