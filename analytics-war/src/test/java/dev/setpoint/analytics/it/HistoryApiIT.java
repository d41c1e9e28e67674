package dev.setpoint.analytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history API of the built analytics WAR on Liberty against the real InfluxDB: points written
 * here with influxdb-client-java are read back through the API with an operator JWT. And who may
 * call analytics at all: the roles a JWT's groups map to, from the local issuer and from an
 * external OpenID Connect provider whose key set the test serves ({@link OperatorTokens}).
 */
@ExtendWith(ArquillianExtension.class)
class HistoryApiIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static InfluxDBClient influx;
  private static String operator;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  @BeforeAll
  static void connect() throws Exception {
    influx =
        InfluxDBClientFactory.create(
            InfluxDBClientOptions.builder()
                .url(System.getProperty("setpoint.it.influx.url"))
                .org("setpoint")
                .bucket("setpoint")
                .build());
    operator = OperatorTokens.token("operator");
  }

  @AfterAll
  static void disconnect() {
    influx.close();
  }

  /** Three climate points of a new device, 10 s apart, ending a minute ago. */
  private static String deviceWithPoints(long newest) {
    String device = "hist-" + UUID.randomUUID();
    double[][] values = {{21.5, 40.0}, {22.5, 41.0}, {23.5, 42.0}};
    for (int i = 0; i < values.length; i++) {
      influx
          .getWriteApiBlocking()
          .writePoint(
              Point.measurement("climate")
                  .addTag("device", device)
                  .addTag("source", "climate")
                  .addTag("site", "it-site")
                  .time(newest - (values.length - 1 - i) * 10_000L, WritePrecision.MS)
                  .addField("event_id", UUID.randomUUID().toString())
                  .addField("temperature", values[i][0])
                  .addField("humidity", values[i][1])
                  .addField("outdoor_temperature", 5.0 + i)
                  .addField("outdoor_humidity", 80.0)
                  .addField("weather_category", 7L)
                  .addField("current_setpoint", 20.0));
    }
    return device;
  }

  private HttpResponse<String> get(String path, String token, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> climate(String query) throws Exception {
    return get("api/v1/history/climate?" + query, operator, "application/json");
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void anHourOfADeviceIsItsRawPointsOldestFirstWithTheLatestValues() throws Exception {
    long newest = System.currentTimeMillis() - 60_000;
    String device = deviceWithPoints(newest);

    HttpResponse<String> response = climate("device=" + q(device) + "&range=1h");

    assertEquals(200, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals(device, body.getString("device"));
    // JSON-B leaves out null members: raw points have no interval.
    assertFalse(body.containsKey("interval"), response.body());
    assertEquals("raw", body.getString("resolution"));
    JsonArray samples = body.getJsonArray("samples");
    assertEquals(3, samples.size(), response.body());
    assertEquals(21.5, samples.getJsonObject(0).getJsonNumber("temperature").doubleValue());
    assertEquals(23.5, samples.getJsonObject(2).getJsonNumber("temperature").doubleValue());
    assertEquals(newest, samples.getJsonObject(2).getJsonNumber("time").longValue());
    assertEquals(7, samples.getJsonObject(2).getInt("weatherCategory"));
    JsonObject latest = body.getJsonObject("latest");
    assertEquals(42.0, latest.getJsonNumber("humidity").doubleValue());
    assertEquals(7.0, latest.getJsonNumber("outdoorTemperature").doubleValue());
    assertEquals(20.0, latest.getJsonNumber("currentSetpoint").doubleValue());
    assertFalse(body.containsKey("recommendation"), response.body());
  }

  @Test
  void theLatestRecommendationComesWithTheSeries() throws Exception {
    long newest = System.currentTimeMillis() - 60_000;
    String device = deviceWithPoints(newest);
    for (double recommended : new double[] {22.0, 23.0}) {
      influx
          .getWriteApiBlocking()
          .writePoint(
              Point.measurement("recommendation")
                  .addTag("device", device)
                  .addTag("site", "it-site")
                  .time(newest + (long) recommended, WritePrecision.MS)
                  .addField("recommended", recommended)
                  .addField("predicted", 24.5)
                  .addField("model_version", "it-1")
                  .addField("reason", "highest safe setpoint")
                  .addField("current_setpoint", 20.0)
                  .addField("predicted_current", 21.6)
                  .addField("predicted_power", 12.3)
                  .addField("predicted_power_current", 12.9));
    }

    JsonObject recommendation =
        json(climate("device=" + q(device) + "&range=1h")).getJsonObject("recommendation");

    assertEquals(23.0, recommendation.getJsonNumber("recommended").doubleValue());
    assertEquals(24.5, recommendation.getJsonNumber("predicted").doubleValue());
    assertEquals("it-1", recommendation.getString("modelVersion"));
    assertEquals("highest safe setpoint", recommendation.getString("reason"));
    assertEquals(20.0, recommendation.getJsonNumber("currentSetpoint").doubleValue());
    assertEquals(21.6, recommendation.getJsonNumber("predictedCurrent").doubleValue());
    assertEquals(12.3, recommendation.getJsonNumber("predictedPower").doubleValue());
    assertEquals(12.9, recommendation.getJsonNumber("predictedPowerCurrent").doubleValue());
  }

  /**
   * A day reads the 1-minute roll-up in 5-minute buckets. The three points lie in one minute, which
   * the roll-up's continuous query (its own text, {@link RollUps}) rolls up here rather than on its
   * schedule, up to a minute later.
   */
  @Test
  void aDayIsDownsampledToFiveMinuteMeansOfTheMinuteRollUp() throws Exception {
    long bucketStart = (System.currentTimeMillis() / 300_000L - 2) * 300_000L;
    String device = deviceWithPoints(bucketStart + 50_000);
    RollUps.run(
        java.time.Instant.ofEpochMilli(bucketStart),
        java.time.Instant.ofEpochMilli(bucketStart + 300_000),
        "climate_1m");

    JsonObject body = json(climate("device=" + q(device) + "&range=24h"));

    assertEquals("5m", body.getString("interval"));
    assertEquals("1m", body.getString("resolution"));
    JsonArray samples = body.getJsonArray("samples");
    assertEquals(1, samples.size(), body.toString());
    assertEquals(22.5, samples.getJsonObject(0).getJsonNumber("temperature").doubleValue());
    assertEquals(bucketStart, samples.getJsonObject(0).getJsonNumber("time").longValue());
  }

  @Test
  void aQuoteInTheDeviceNameCannotWidenTheQuery() throws Exception {
    deviceWithPoints(System.currentTimeMillis() - 60_000);

    for (String device : List.of("x' OR device =~ /.*/ OR device = 'y", "x\\' OR '1'='1")) {
      HttpResponse<String> response = climate("device=" + q(device) + "&range=1h");

      assertEquals(200, response.statusCode(), response.body());
      assertEquals(0, json(response).getJsonArray("samples").size(), response.body());
      assertEquals(device, json(response).getString("device"));
    }
  }

  @Test
  void aBadRangeIs400NamingTheParameter() throws Exception {
    HttpResponse<String> range = climate("device=rack-1&range=2h");
    HttpResponse<String> to =
        climate("device=rack-1&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");

    assertEquals(400, range.statusCode(), range.body());
    assertEquals("range", json(range).getString("parameter"));
    assertTrue(json(range).getString("message").startsWith("range: "), range.body());
    assertEquals(400, to.statusCode(), to.body());
    assertEquals("to", json(to).getString("parameter"));
  }

  @Test
  void theSeriesDownloadsAsCsv() throws Exception {
    String device = deviceWithPoints(System.currentTimeMillis() - 60_000);

    HttpResponse<String> response =
        get("api/v1/history/climate?range=1h&device=" + q(device), operator, "text/csv");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        response.headers().firstValue("Content-Disposition").orElse("").contains(".csv"),
        response.headers().map().toString());
    String[] lines = response.body().split("\r\n");
    assertEquals(4, lines.length, response.body());
    assertTrue(lines[0].startsWith("time,temperature,humidity,"), lines[0]);
    assertTrue(lines[1].endsWith(",21.5,40.0,5.0,80.0,7,20.0,raw,"), lines[1]);
  }

  @Test
  void devicesAreListedWithSiteAndLastSeenAndSitesWithThem() throws Exception {
    long newest = System.currentTimeMillis() - 60_000;
    String device = deviceWithPoints(newest);

    HttpResponse<String> devices = get("api/v1/devices", operator, "application/json");
    HttpResponse<String> sites = get("api/v1/sites", operator, "application/json");

    assertEquals(200, devices.statusCode(), devices.body());
    JsonObject found = null;
    for (JsonValue value : Json.createReader(new StringReader(devices.body())).readArray()) {
      if (device.equals(value.asJsonObject().getString("device"))) {
        found = value.asJsonObject();
      }
    }
    assertTrue(found != null, devices.body());
    assertEquals("it-site", found.getString("site"));
    assertEquals(newest, found.getJsonNumber("lastSeen").longValue());
    assertTrue(sites.body().contains("\"it-site\""), sites.body());
  }

  @Test
  void theHistoryIsForPeopleWithARole() throws Exception {
    HttpResponse<String> none = get("api/v1/history/climate?device=a", null, "application/json");
    HttpResponse<String> forged =
        get(
            "api/v1/devices",
            operator.substring(0, operator.length() - 4) + "AAAA",
            "application/json");
    HttpResponse<String> device =
        get("api/v1/devices", OperatorTokens.token("device"), "application/json");
    HttpResponse<String> config = get("api/v1/dashboard/config", null, "application/json");

    assertEquals(401, none.statusCode(), none.body());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, forged.statusCode(), forged.body());
    assertEquals(403, device.statusCode(), device.body());
    assertEquals(200, config.statusCode(), config.body());
    assertEquals("/api/auth/token", json(config).getString("loginUrl"));
    assertFalse(config.body().contains("password"));
  }

  private HttpResponse<String> send(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertRefused(int status, HttpResponse<String> response, String says) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(status, json(response).getInt("statusCode"));
    assertTrue(json(response).getString("message").contains(says), response.body());
  }

  @Test
  void aViewerReadsButMayNotChangeARoomNorSeeTheNotificationChannels() throws Exception {
    String viewer = OperatorTokens.token("viewer");
    String room = "it-role-" + UUID.randomUUID();

    assertEquals(200, get("api/v1/devices", viewer, "application/json").statusCode());
    assertEquals(200, get("api/v1/sites", viewer, "application/json").statusCode());
    assertRefused(
        403,
        send("PUT", "api/v1/rooms/" + room + "/mode", viewer, "{\"mode\":\"off\"}"),
        "'operator'");
    assertRefused(403, send("GET", "api/v1/notifications/subscriptions", viewer, null), "'admin'");
    assertRefused(
        403,
        send("GET", "api/v1/notifications/subscriptions", OperatorTokens.operator(), null),
        "'admin'");
    assertEquals(
        200,
        send("GET", "api/v1/notifications/subscriptions", OperatorTokens.admin(), null)
            .statusCode());
    // The rooms' gauges: a viewer may scrape them too.
    assertEquals(200, get("api/v1/metrics", viewer, "text/plain").statusCode());
  }

  @Test
  void anExternalProvidersGroupsMapToTheSameRoles() throws Exception {
    String viewer = OperatorTokens.external("ext-viewer", List.of("staff", "setpoint-viewers"));
    String admin = OperatorTokens.external("ext-admin", List.of("setpoint-admins"));

    assertEquals(200, get("api/v1/devices", viewer, "application/json").statusCode());
    assertRefused(
        403,
        send("GET", "api/v1/notifications/subscriptions", viewer, null),
        "'ext-viewer' has the role 'viewer'");
    assertRefused(
        403,
        send(
            "GET",
            "api/v1/notifications/subscriptions",
            OperatorTokens.external("ext-operator", List.of("setpoint-operators")),
            null),
        "'admin'");
    assertRefused(
        403,
        get(
            "api/v1/devices",
            OperatorTokens.external("stranger", List.of("staff")),
            "application/json"),
        "grant no role");

    // An admin of the provider acts under its preferred_username.
    String name = "it-oidc-" + UUID.randomUUID();
    HttpResponse<String> created =
        send(
            "POST",
            "api/v1/notifications/subscriptions",
            admin,
            "{\"name\":\""
                + name
                + "\",\"channels\":[{\"type\":\"REST\",\"url\":\"http://127.0.0.1:9/unused\"}]}");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("ext-admin", json(created).getString("modifiedBy"));
    assertEquals(
        204,
        send("DELETE", "api/v1/notifications/subscriptions/" + name, admin, null).statusCode());
  }

  @Test
  void aTokenOfAnIssuerNotTrustedIsRefusedEvenWithATrustedKey() throws Exception {
    HttpResponse<String> foreign =
        get("api/v1/devices", OperatorTokens.foreignIssuer("setpoint-admins"), "application/json");
    assertEquals(401, foreign.statusCode(), foreign.body());
    assertTrue(
        foreign.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
  }

  @Test
  void aTokenForAnotherAudienceIsRefusedEvenFromATrustedIssuerAndKey() throws Exception {
    HttpResponse<String> other =
        get("api/v1/devices", OperatorTokens.otherAudience("setpoint-admins"), "application/json");
    assertEquals(401, other.statusCode(), other.body());
    assertTrue(other.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
  }
}
