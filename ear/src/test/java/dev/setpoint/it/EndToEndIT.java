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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole single-machine path, real at every hop: HTTP post to ingest, MongoDB, relay, Kafka,
 * analytics, InfluxDB read back with InfluxQL; and readiness following each dependency down and
 * back up. Each test stands alone: it creates its own device and waits for its own data.
 */
class EndToEndIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String BASE = System.getProperty("setpoint.it.base.url");
  private static final String INFLUX = System.getProperty("setpoint.it.influx.url");
  private static String operatorToken;

  @BeforeAll
  static void serverIsReady() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> readiness().statusCode() == 200);
  }

  private static HttpResponse<String> get(String uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(15)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An operator JWT from the server's local issuer, logging in with the password that {@code
   * ./setpoint test} made (an operator may post for any device).
   */
  private static String operatorToken() throws Exception {
    if (operatorToken == null) {
      String file = System.getProperty("setpoint.it.operator.password.file", "");
      if (file.isBlank()) {
        throw new IllegalStateException(
            "setpoint.it.operator.password.file is not set; run the tests with ./setpoint test");
      }
      String login =
          Json.createObjectBuilder()
              .add("username", "operator")
              .add("password", Files.readString(Path.of(file)).strip())
              .build()
              .toString();
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(BASE + "/api/auth/token"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(15))
                  .POST(HttpRequest.BodyPublishers.ofString(login))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      operatorToken =
          Json.createReader(new StringReader(response.body()))
              .readObject()
              .getString("access_token");
    }
    return operatorToken;
  }

  private static HttpResponse<String> readiness() throws Exception {
    return get(BASE + "/health/ready");
  }

  /** The status of one named check in /health/ready. */
  private static String check(String name) throws Exception {
    JsonObject check = checkBody(name);
    return check == null ? "MISSING" : check.getString("status");
  }

  private static JsonObject checkBody(String name) throws Exception {
    JsonObject health = Json.createReader(new StringReader(readiness().body())).readObject();
    for (JsonValue value : health.getJsonArray("checks")) {
      JsonObject check = value.asJsonObject();
      if (name.equals(check.getString("name"))) {
        return check;
      }
    }
    return null;
  }

  /** Devices registered through Core Metadata so far; ingest accepts events of these only. */
  private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

  /** Registers a device of the shipped room-sensor profile and the device agent's service. */
  private static void register(String device) throws Exception {
    if (REGISTERED.contains(device)) {
      return;
    }
    String body =
        """
        [{"apiVersion":"v3","device":{"name":"%s","adminState":"UNLOCKED","operatingState":"UP",
          "serviceName":"setpoint-device-agent","profileName":"room-sensor",
          "protocols":{"http":{"host":"127.0.0.1"}}}}]
        """
            .formatted(device);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(BASE + "/api/v3/device"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorToken())
                .timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(207, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"statusCode\":201"), response.body());
    REGISTERED.add(device);
  }

  private static HttpResponse<String> post(String device, double temperature, double humidity)
      throws Exception {
    return post(device, temperature, humidity, "Bearer " + operatorToken());
  }

  private static HttpResponse<String> post(
      String device, double temperature, double humidity, String authorization) throws Exception {
    register(device);
    String body =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"%s","units":"degC"},
          {"resourceName":"humidity","valueType":"Float64","value":"%s","units":"%%RH"}]}}
        """
            .formatted(
                UUID.randomUUID(),
                device,
                System.currentTimeMillis() * 1_000_000L + System.nanoTime() % 1_000_000L,
                Double.toString(temperature),
                Double.toString(humidity));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    BASE
                        + "/api/v3/event/setpoint-device-agent/room-sensor/"
                        + device
                        + "/climate"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** temperature and humidity of the device's points, oldest first, read with InfluxQL. */
  private static List<double[]> climate(String device) throws Exception {
    String query = "SELECT temperature, humidity FROM climate WHERE device = '" + device + "'";
    HttpResponse<String> response =
        get(INFLUX + "/query?db=setpoint&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    JsonObject result =
        Json.createReader(new StringReader(response.body()))
            .readObject()
            .getJsonArray("results")
            .getJsonObject(0);
    List<double[]> rows = new ArrayList<>();
    if (!result.containsKey("series")) {
      return rows;
    }
    for (JsonValue row : result.getJsonArray("series").getJsonObject(0).getJsonArray("values")) {
      JsonArray values = row.asJsonArray();
      rows.add(
          new double[] {
            values.getJsonNumber(1).doubleValue(), values.getJsonNumber(2).doubleValue()
          });
    }
    return rows;
  }

  private static void awaitPoints(String device, int count) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> climate(device).size() >= count);
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

    // The relay attached the site's outdoor weather: simulated, as no OpenWeatherMap key is set.
    String query =
        "SELECT outdoor_temperature, outdoor_humidity, weather_category, weather_simulated"
            + " FROM climate WHERE device = '"
            + device
            + "' AND site = 'default'";
    HttpResponse<String> weather =
        get(INFLUX + "/query?db=setpoint&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    JsonArray row =
        Json.createReader(new StringReader(weather.body()))
            .readObject()
            .getJsonArray("results")
            .getJsonObject(0)
            .getJsonArray("series")
            .getJsonObject(0)
            .getJsonArray("values")
            .getJsonArray(0);
    double humidity = row.getJsonNumber(2).doubleValue();
    int category = row.getJsonNumber(3).intValue();
    assertTrue(Double.isFinite(row.getJsonNumber(1).doubleValue()), weather.body());
    assertTrue(humidity >= 0 && humidity <= 100, weather.body());
    assertTrue(category >= 1 && category <= 9, weather.body());
    assertEquals(JsonValue.TRUE, row.get(4), weather.body());
  }

  @Test
  void readinessFollowsMongoDbAndIngestAnswers503WhileItIsDown() throws Exception {
    register("e2e-mongo-down"); // registering needs MongoDB too
    Stack.stop("mongo");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
      assertEquals("DOWN", check("ingest-mongodb"));
      assertEquals("DOWN", check("relay-mongodb"));
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
