package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitPoints;
import static dev.setpoint.it.Edge.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail across the EAR: one change in each WAR, every record found through the one API.
 * Ingest: an operator registers a room controller (the device, and its token issued). The relay:
 * the recommender's command for it, produced onto {@code setpoint.commands}, is applied and
 * recorded there; ingest's and the relay's records travel through the edge outbox and {@code
 * setpoint.audit}. Analytics: an operator sets the mode of a room a sensor reports from.
 */
class AuditEndToEndIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void serverIsReady() {
    awaitReady(Duration.ofSeconds(120));
  }

  /** The audit records the query finds, newest first. */
  private static List<JsonObject> audit(String query) throws Exception {
    HttpResponse<String> response =
        Edge.get(Edge.BASE + "/analytics/api/v1/audit?size=100&" + query, Edge.operatorToken());
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getJsonArray("records")
        .stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private static Optional<JsonObject> find(List<JsonObject> records, String kind, String action) {
    return records.stream()
        .filter(r -> r.getString("kind").equals(kind) && r.getString("action").equals(action))
        .findFirst();
  }

  @Test
  void aChangeInEachWarIsFoundThroughTheOneAuditApi() throws Exception {
    String controller = "audit-ac-" + RUN;
    // The test server's recommender follows only devices named e2e-rc-… (ear/pom.xml), and a
    // room is known to analytics through the devices it follows.
    String sensor = "e2e-rc-audit-" + RUN;

    // ingest: a device registered (and its token issued) by the operator
    Edge.registerWithToken(controller, "room-controller");
    // the relay: the recommender's setpoint for it, applied at the edge
    Edge.recommend(controller, "23.5", System.currentTimeMillis(), "audit end-to-end test");
    // analytics: a room's mode, once analytics knows the room (a device without a room label is
    // its own room)
    assertEquals(201, Edge.post(sensor, 22.0, 40.0).statusCode());
    awaitPoints(sensor, 1, Duration.ofSeconds(30));
    String mode = Edge.BASE + "/analytics/api/v1/rooms/" + sensor + "/mode";
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> Edge.send("PUT", mode, "{\"mode\":\"advisory\"}").statusCode() == 200);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<JsonObject> records = audit("device=" + controller);
              return find(records, "device", "create").isPresent()
                  && find(records, "device_token", "issue").isPresent()
                  && find(records, "command", "create").isPresent();
            });

    List<JsonObject> records = audit("device=" + controller);
    JsonObject device = find(records, "device", "create").orElseThrow();
    assertEquals("operator", device.getString("actor"));
    assertEquals("admin", device.getString("role")); // the bootstrap user is an admin
    assertTrue(device.getString("origin").startsWith("ingest"), device.toString());
    assertTrue(device.containsKey("address"), device.toString());
    assertFalse(device.containsKey("before"), device.toString());
    assertEquals("room-controller", device.getJsonObject("after").getString("profileName"));
    JsonObject token = find(records, "device_token", "issue").orElseThrow();
    assertEquals(controller, token.getJsonObject("after").getString("device"));
    assertFalse(token.toString().contains(Edge.operatorToken()), "no credential in the trail");

    JsonObject command = find(records, "command", "create").orElseThrow();
    assertEquals("recommender", command.getString("actor"));
    assertTrue(command.getString("origin").startsWith("relay"), command.toString());
    assertEquals(controller + "/setpoint", command.getString("target"));
    assertEquals("23.5", command.getJsonObject("after").getString("value"));
    assertEquals("RECOMMENDER", command.getJsonObject("after").getString("source"));
    assertFalse(command.containsKey("before"), "the controller's first setpoint");

    List<JsonObject> modes =
        audit(
            "kind=room_mode&user=operator&from="
                + URLEncoder.encode(
                    Instant.now().minusSeconds(120).toString(), StandardCharsets.UTF_8));
    JsonObject room =
        modes.stream()
            .filter(r -> r.getString("target").equals(sensor))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no room_mode record of " + sensor + ": " + modes));
    assertEquals("analytics", room.getString("origin"));
    assertEquals("admin", room.getString("role"));
    assertEquals(sensor, room.getString("room"));
    assertEquals("auto", room.getJsonObject("before").getString("mode"));
    assertEquals("advisory", room.getJsonObject("after").getString("mode"));
  }
}
