package dev.setpoint.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The closed loop on the EAR server: readings of a {@code room-controller} device posted to ingest
 * travel through the relay and Kafka to analytics, whose recommender writes a {@code
 * recommendation} point to InfluxDB and publishes the setpoint to {@code setpoint.commands}; the
 * relay stores it and ingest serves it on the device's Core Command endpoint.
 *
 * <p>The EAR's test server decides every 3 s on a window of samples 2 s apart, for devices named
 * {@code e2e-rc-*} (and the dashboard test's {@code dash-*}) only (its jvm.options, see
 * ear/pom.xml), so a full window takes seconds, not the production five minutes.
 */
class RecommendationEndToEndIT {
  private static final HttpClient HTTP =
      Edge.client().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String BASE = System.getProperty("setpoint.it.base.url");
  private static final String INFLUX = System.getProperty("setpoint.it.influx.url");
  private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(2);

  /** Off the 0.5 °C candidate grid, so a served value that equals it was not commanded. */
  private static final String REPORTED_SETPOINT = "23.7";

  private static String token;

  @BeforeAll
  static void ready() throws Exception {
    Edge.awaitReady(Duration.ofSeconds(120));
    token = Edge.operatorToken();
  }

  private static HttpResponse<String> post(String uri, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static void postReading(String device, double temperature) throws Exception {
    HttpResponse<String> response =
        post(
            BASE + "/api/v3/event/setpoint-device-agent/room-controller/" + device + "/climate",
            """
            {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
             "profileName":"room-controller","sourceName":"climate","origin":%d,"readings":[
              {"resourceName":"temperature","valueType":"Float64","value":"%s","units":"°C"},
              {"resourceName":"humidity","valueType":"Float64","value":"45.0","units":"%%RH"},
              {"resourceName":"setpoint","valueType":"Float64","value":"%s","units":"°C"}]}}
            """
                .formatted(
                    UUID.randomUUID(),
                    device,
                    System.currentTimeMillis() * 1_000_000L,
                    Double.toString(temperature),
                    REPORTED_SETPOINT));
    assertEquals(201, response.statusCode(), response.body());
  }

  /** The device's recommendation points, oldest first, as InfluxQL returns them. */
  private static List<JsonObject> recommendations(String device) throws Exception {
    String query =
        "SELECT recommended, predicted, reason, model_version, current_setpoint, predicted_current,"
            + " predicted_power, predicted_power_current, site, margin"
            + " FROM recommendation WHERE device = '"
            + device
            + "'";
    HttpResponse<String> response =
        Edge.get(
            INFLUX + "/query?db=setpoint&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
            null);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject result = json(response.body()).getJsonArray("results").getJsonObject(0);
    if (!result.containsKey("series")) {
      return List.of();
    }
    JsonObject series = result.getJsonArray("series").getJsonObject(0);
    JsonArray columns = series.getJsonArray("columns");
    return series.getJsonArray("values").stream()
        .map(JsonValue::asJsonArray)
        .map(
            row -> {
              var point = Json.createObjectBuilder();
              for (int i = 0; i < columns.size(); i++) {
                point.add(columns.getString(i), row.get(i));
              }
              return point.build();
            })
        .toList();
  }

  private static Optional<JsonObject> modelDecision(String device) throws Exception {
    Set<String> byModel = Set.of("model", "step_limited", "dwell", "no_safe_candidate");
    return recommendations(device).stream()
        .filter(p -> byModel.contains(p.getString("reason")))
        .findFirst();
  }

  /** The setpoint Core Command serves for the device (the stored command, else the reported). */
  private static String servedSetpoint(String device) throws Exception {
    HttpResponse<String> response =
        Edge.get(BASE + "/api/v3/device/name/" + device + "/setpoint", token);
    assertEquals(200, response.statusCode(), response.body());
    for (JsonValue r : json(response.body()).getJsonObject("event").getJsonArray("readings")) {
      if ("setpoint".equals(r.asJsonObject().getString("resourceName"))) {
        return r.asJsonObject().getString("value");
      }
    }
    throw new AssertionError("no setpoint reading: " + response.body());
  }

  @Test
  void readingsOfARoomControllerBecomeARecommendationInInfluxDbAndOnCoreCommand() throws Exception {
    String device = "e2e-rc-" + UUID.randomUUID();
    Edge.registerWithToken(device, "room-controller");

    // A warm room: the inlet at 27.8 °C with the setpoint at 23.7 °C. One reading per sample
    // interval until the recommender decided with the model (its first decision may come before
    // the relay forwarded six samples, and is then the documented fallback).
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (modelDecision(device).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no model decision: " + recommendations(device));
      postReading(device, 27.8);
      Thread.sleep(SAMPLE_INTERVAL.toMillis()); // the readings' pace, not a wait for a result
    }

    JsonObject decision = modelDecision(device).orElseThrow();
    double recommended = decision.getJsonNumber("recommended").doubleValue();
    assertTrue(recommended >= 18 && recommended <= 27, decision.toString());
    assertTrue(
        decision.getString("model_version").startsWith("thermal-ridge-"), decision.toString());
    assertEquals(23.7, decision.getJsonNumber("current_setpoint").doubleValue(), 1e-9);
    assertEquals("default", decision.getString("site"));
    if (!"no_safe_candidate".equals(decision.getString("reason"))) {
      // the hottest look-ahead prediction under the limit less the margin the room kept
      double margin = decision.getJsonNumber("margin").doubleValue();
      assertTrue(margin >= 0.75 && margin <= 3.0, decision.toString());
      assertTrue(
          decision.getJsonNumber("predicted").doubleValue() <= 27.0 - margin + 1e-6,
          decision.toString());
    }
    // Why it moved: the inlet the model predicted had the room stayed at 23.7 °C (candidate 23.5).
    assertTrue(decision.containsKey("predicted_current"), decision.toString());
    double atCurrent = decision.getJsonNumber("predicted_current").doubleValue();
    assertTrue(atCurrent > 15 && atCurrent < 40, decision.toString());
    // What it costs: the bootstrap model's power head, for the setpoint chosen and for staying.
    double power = decision.getJsonNumber("predicted_power").doubleValue();
    double powerAtCurrent = decision.getJsonNumber("predicted_power_current").doubleValue();
    assertTrue(power > 0 && power < 100, decision.toString());
    assertTrue(powerAtCurrent > 0 && powerAtCurrent < 100, decision.toString());
    if ("model".equals(decision.getString("reason")) && recommended > 23.5) {
      // the cheapest safe candidate: never dearer than staying
      assertTrue(power <= powerAtCurrent + 1e-6, "a raise costs less: " + decision);
    }

    // Readings stopped: the last decision is the last command; Core Command serves it.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<JsonObject> all = recommendations(device);
              double last = all.getLast().getJsonNumber("recommended").doubleValue();
              return Double.toString(last).equals(servedSetpoint(device));
            });
    String served = servedSetpoint(device);
    assertTrue(!REPORTED_SETPOINT.equals(served), "Core Command serves a commanded value");
    double value = Double.parseDouble(served);
    assertEquals(0.0, (value * 2) % 1, 1e-9, "a candidate on the 0.5 °C grid: " + served);
  }
}
