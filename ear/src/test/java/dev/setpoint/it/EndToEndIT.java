package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitPoints;
import static dev.setpoint.it.Edge.awaitReady;
import static dev.setpoint.it.Edge.check;
import static dev.setpoint.it.Edge.checkBody;
import static dev.setpoint.it.Edge.climate;
import static dev.setpoint.it.Edge.influx;
import static dev.setpoint.it.Edge.post;
import static dev.setpoint.it.Edge.readiness;
import static dev.setpoint.it.Edge.register;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.security.Disclosures;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole single-machine path, real at every hop: HTTP post to ingest, MongoDB, relay, Kafka,
 * analytics, InfluxDB read back with InfluxQL; and readiness following each dependency down and
 * back up. Each test stands alone: it creates its own device and waits for its own data.
 */
class EndToEndIT {

  @BeforeAll
  static void serverIsReady() {
    awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void theEdgeApiRefusesAPostWithoutCredentialsWhileHealthStaysPublic() throws Exception {
    String device = "e2e-" + UUID.randomUUID();

    HttpResponse<String> refused = post(device, 21.0, 40.0, null);

    assertEquals(401, refused.statusCode(), refused.body());
    HttpResponse<String> ready = readiness();
    assertEquals(200, ready.statusCode(), ready.body());
    for (String check : List.of("ingest-mongodb", "relay-kafka", "analytics-influxdb")) {
      assertEquals("UP", check(check), check);
    }
  }

  @Test
  void aPostedReadingIsReadableFromInfluxDbWithItsValues() throws Exception {
    String device = "e2e-" + UUID.randomUUID();

    HttpResponse<String> created = post(device, 23.75, 41.5);

    assertEquals(201, created.statusCode(), created.body());
    awaitPoints(device, 1);
    List<double[]> rows = climate(device);
    assertEquals(1, rows.size());
    assertEquals(23.75, rows.get(0)[0]);
    assertEquals(41.5, rows.get(0)[1]);

    // The relay attached the site's outdoor weather, from the test's OpenWeatherMap stand-in.
    String query =
        "SELECT outdoor_temperature, outdoor_humidity, weather_category, weather_stale"
            + " FROM climate WHERE device = '"
            + device
            + "' AND site = 'default'";
    List<JsonArray> outdoor = influx(query);
    assertEquals(1, outdoor.size(), query);
    JsonArray row = outdoor.get(0);
    String weather = row.toString();
    // What the stand-in answers unless a test changes it: 14.5 °C, 62 %, condition 803.
    assertEquals(14.5, row.getJsonNumber(1).doubleValue(), weather);
    assertEquals(62.0, row.getJsonNumber(2).doubleValue(), weather);
    assertEquals(3, row.getJsonNumber(3).intValue(), weather + ": 803 is category 3, clouds");
    assertEquals(JsonValue.NULL, row.get(4), weather + ": fresh weather is not marked stale");
    // The observation itself, once per site and observation, with its provider.
    List<JsonArray> observations =
        influx(
            "SELECT temperature, humidity, category, simulated FROM weather"
                + " WHERE site = 'default' AND source = 'openweathermap'");
    assertTrue(
        observations.stream()
            .anyMatch(
                o ->
                    o.getJsonNumber(1).doubleValue() == 14.5
                        && o.getJsonNumber(2).doubleValue() == 62.0
                        && o.getJsonNumber(3).intValue() == 3
                        && o.get(4).equals(JsonValue.FALSE)),
        observations.toString());
  }

  @Test
  void readinessFollowsMongoDbAndIngestAnswers503WhileItIsDown() throws Exception {
    register("e2e-mongo-down"); // registering needs MongoDB too
    Stack.stop("mongo");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
      assertEquals("DOWN", check("ingest-mongodb"));
      assertEquals("DOWN", check("relay-mongodb"));
      // anyone may read it: a reason code, not the driver's error with MongoDB's address
      assertTrue(
          Set.of("timeout", "unreachable", "failed")
              .contains(checkBody("ingest-mongodb").getJsonObject("data").getString("reason")));
      Disclosures.assertRevealsNothing(readiness().body());
      HttpResponse<String> refused = post("e2e-mongo-down", 20.0, 40.0);
      assertEquals(503, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("\"statusCode\":503"), refused.body());
    } finally {
      Stack.start("mongo");
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
  }

  @Test
  void readinessFollowsKafkaAndEventsPostedDuringTheOutageArriveAfterIt() throws Exception {
    String device = "e2e-kafka-" + UUID.randomUUID();
    Stack.stop("kafka");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
      // The relay stays ready, degraded, so the edge keeps buffering; analytics cannot work.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> checkBody("relay-kafka").getJsonObject("data").getBoolean("degraded"));
      assertEquals("UP", check("relay-kafka"));
      assertEquals("DOWN", check("analytics-kafka"));
      Disclosures.assertRevealsNothing(readiness().body());
      // The edge keeps accepting readings while the cloud link is down.
      assertEquals(201, post(device, 19.5, 50.0).statusCode());
      assertEquals(201, post(device, 19.75, 50.5).statusCode());
    } finally {
      Stack.start("kafka");
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> readiness().statusCode() == 200);
    awaitPoints(device, 2);
    List<double[]> rows = climate(device);
    assertEquals(2, rows.size());
    assertEquals(19.5, rows.get(0)[0]);
    assertEquals(19.75, rows.get(1)[0]);
  }

  @Test
  void readinessFollowsInfluxDbAndTelemetryWaitsForIt() throws Exception {
    String device = "e2e-influx-" + UUID.randomUUID();
    Stack.stop("influx");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
      assertEquals("DOWN", check("analytics-influxdb"));
      assertEquals(201, post(device, 26.0, 35.0).statusCode());
    } finally {
      Stack.start("influx");
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
    awaitPoints(device, 1);
    assertEquals(26.0, climate(device).get(0)[0]);
  }
}
