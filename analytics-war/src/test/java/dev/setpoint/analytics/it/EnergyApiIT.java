package dev.setpoint.analytics.it;

import static org.awaitility.Awaitility.await;
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
import java.time.Instant;
import java.util.ArrayList;
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
 * The energy roll-up of the built analytics WAR on Liberty against the real InfluxDB: counter
 * readings written here into {@code climate}, as analytics stores telemetry, are rolled up by the
 * server's schedule (every 2 s in the test server, failsafe's environment in {@code pom.xml}) and
 * read back per room through the API with an operator JWT.
 */
@ExtendWith(ArquillianExtension.class)
class EnergyApiIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final long MIN = 60_000L;
  private static final long HOUR = 3_600_000L;
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

  private static Point reading(
      String device, String room, long time, String counter, double kwh, String power, double kw) {
    return Point.measurement("climate")
        .addTag("device", device)
        .addTag("source", "energy")
        .addTag("site", "it-site")
        .addTag("room", room)
        .time(time, WritePrecision.MS)
        .addField("event_id", UUID.randomUUID().toString())
        .addField(counter, kwh)
        .addField(power, kw);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + operator)
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static double number(JsonObject row, String name) {
    return row.getJsonNumber(name).doubleValue();
  }

  /**
   * Three past hours of a room: a cooling counter at 60 kW (1 kWh a minute) that restarts at 0 in
   * the first hour and is silent for 30 minutes in the second, and an IT counter at 30 kW from the
   * second hour on that jumps by a million kWh once.
   */
  @Test
  void theRoomsHoursMatchItsCountersWithTheResetCountedAndTheGapMarked() throws Exception {
    String room = "energy-" + UUID.randomUUID();
    String crac = room + "-crac";
    String pdu = room + "-pdu";
    long h0 = (System.currentTimeMillis() / HOUR - 3) * HOUR;
    List<Point> points = new ArrayList<>();
    double kwh = 1000;
    for (long m = 0; m <= 180; m++) {
      if (m > 80 && m < 110) {
        kwh += 1; // the meter runs on, silent
        continue;
      }
      if (m == 41) {
        kwh = 0.5; // restarted at 0, half a kWh since
      } else if (m > 0) {
        kwh += 1;
      }
      points.add(reading(crac, room, h0 + m * MIN, "cooling_energy", kwh, "cooling_power", 60));
    }
    double it = 500;
    for (long m = 60; m <= 180; m++) {
      if (m > 60) {
        it += m == 90 ? 1_000_000 : 0.5;
      }
      points.add(reading(pdu, room, h0 + m * MIN, "it_energy", it, "it_power", 30));
    }
    influx.getWriteApiBlocking().writePoints(points);
    String hours =
        "api/v1/rooms/" + q(room) + "/energy?step=hour&from=" + q(Instant.ofEpochMilli(h0) + "");

    JsonArray rows =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  HttpResponse<String> response = get(hours);
                  if (response.statusCode() != 200) {
                    return null;
                  }
                  JsonArray r = json(response).getJsonArray("rows");
                  return r.size() >= 3 && r.getJsonObject(2).getBoolean("complete") ? r : null;
                },
                r -> r != null);

    JsonObject first = rows.getJsonObject(0);
    assertEquals(Instant.ofEpochMilli(h0).toString(), first.getString("time"));
    assertEquals(40 + 0.5 + 19, number(first, "coolingKwh"), 1e-6, first.toString());
    assertEquals(1, first.getInt("resets"));
    assertFalse(first.getBoolean("complete"), "the restart lost what ran before it");
    JsonObject second = rows.getJsonObject(1);
    assertEquals(20 + 30 + 10, number(second, "coolingKwh"), 1e-6, second.toString());
    assertEquals(1800.0, number(second, "gapSeconds"), 1e-6);
    assertEquals(29.5, number(second, "itKwh"), 1e-6, "the jump is excluded");
    assertEquals(60.0, number(second, "excludedSeconds"), 1e-6);
    assertFalse(second.getBoolean("complete"));
    JsonObject third = rows.getJsonObject(2);
    assertEquals(60.0, number(third, "coolingKwh"), 1e-6, third.toString());
    assertEquals(30.0, number(third, "itKwh"), 1e-6);
    assertEquals(3600.0, number(third, "coveredSeconds"), 1e-6);
    assertEquals(0, third.getInt("resets"));

    JsonObject days =
        json(
            get(
                "api/v1/rooms/"
                    + q(room)
                    + "/energy?step=day&from="
                    + q(Instant.ofEpochMilli(h0 - 24 * HOUR) + "")));
    double cooling = 0;
    for (JsonValue day : days.getJsonArray("rows")) {
      cooling += day.asJsonObject().getJsonNumber("coolingKwh").doubleValue();
      assertFalse(day.asJsonObject().getBoolean("complete"), day.toString());
    }
    assertEquals(59.5 + 60 + 60, cooling, 1e-6, days.toString());

    JsonArray anomalies =
        json(get("api/v1/rooms/" + q(room) + "/energy/anomalies")).getJsonArray("anomalies");
    List<String> kinds = anomalies.stream().map(a -> a.asJsonObject().getString("kind")).toList();
    assertTrue(kinds.contains("reset"), anomalies.toString());
    assertTrue(kinds.contains("jump"), anomalies.toString());
    for (JsonValue a : anomalies) {
      JsonObject anomaly = a.asJsonObject();
      if (anomaly.getString("kind").equals("reset")) {
        assertEquals(crac, anomaly.getString("device"));
        assertTrue(
            anomaly.getString("detail").contains("fell from 1040 to 0.5 kWh"), anomaly.toString());
      }
      if (anomaly.getString("kind").equals("jump")) {
        assertEquals("it", anomaly.getString("quantity"));
      }
    }
  }

  @Test
  void anUnknownRoomIs404AndABadRangeIs400NamingTheParameter() throws Exception {
    HttpResponse<String> unknown = get("api/v1/rooms/" + UUID.randomUUID() + "/energy");
    HttpResponse<String> anomalies = get("api/v1/rooms/" + UUID.randomUUID() + "/energy/anomalies");

    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("room", json(unknown).getString("parameter"));
    assertEquals(404, anomalies.statusCode(), anomalies.body());

    // a room with stored energy: the roll-up files a meter's hours under it
    String room = "energy-" + UUID.randomUUID();
    long now = System.currentTimeMillis();
    influx
        .getWriteApiBlocking()
        .writePoints(
            List.of(
                reading(
                    room + "-crac", room, now - 2 * MIN, "cooling_energy", 1, "cooling_power", 1),
                reading(room + "-crac", room, now - MIN, "cooling_energy", 2, "cooling_power", 1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("api/v1/rooms/" + q(room) + "/energy").statusCode() == 200);
    HttpResponse<String> step = get("api/v1/rooms/" + q(room) + "/energy?step=week");
    HttpResponse<String> tooLong =
        get("api/v1/rooms/" + q(room) + "/energy?step=hour&from=2020-01-01T00:00:00Z");

    assertEquals(400, step.statusCode(), step.body());
    assertEquals("step", json(step).getString("parameter"));
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertEquals("from", json(tooLong).getString("parameter"));
  }
}
