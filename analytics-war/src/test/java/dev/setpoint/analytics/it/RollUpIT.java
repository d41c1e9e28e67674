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
import jakarta.json.JsonNumber;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The roll-ups in the tests' real InfluxDB, made by the continuous queries the stack created
 * ({@link RollUps}: their own text, run over a past hour), hold the right values for a known
 * series; and the history API of the built WAR reads them for long ranges and for ranges older than
 * the raw retention, saying so.
 */
@ExtendWith(ArquillianExtension.class)
class RollUpIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final double EPSILON = 1e-9;

  /** A whole hour two hours back: inside the raw retention, and every one of its minutes over. */
  private static final Instant HOUR =
      Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));

  private static InfluxDBClient influx;
  private static String operator;
  private static String device;
  private static String room;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  /**
   * One device every 10 s over the hour: in minute m the six readings are 20 + m/100, 21 + m/100,
   * …, 25 + m/100 °C (mean 22.5 + m/100), and the cooling counter rises 0.1 kWh per reading from
   * 1000 kWh at the reading before the hour. A second device in its room reports 30 °C throughout:
   * the room's hottest inlet. Then the four climate roll-ups run over the hour.
   */
  @BeforeAll
  static void writeAKnownHourAndRollItUp() throws Exception {
    influx =
        InfluxDBClientFactory.create(
            InfluxDBClientOptions.builder()
                .url(System.getProperty("setpoint.it.influx.url"))
                .org("setpoint")
                .bucket("setpoint")
                .build());
    operator = OperatorTokens.token("operator");
    device = "rollup-" + UUID.randomUUID();
    room = "rollup-room-" + UUID.randomUUID();
    List<Point> points = new ArrayList<>();
    points.add(reading(device, HOUR.minusSeconds(10), 25.0, 1000.0));
    for (int k = 0; k < 360; k++) {
      int minute = k / 6;
      points.add(
          reading(
              device,
              HOUR.plusSeconds(10L * k),
              20 + minute / 100.0 + k % 6,
              1000.0 + 0.1 * (k + 1)));
      points.add(reading(device + "-hot", HOUR.plusSeconds(10L * k), 30.0, null));
    }
    influx.getWriteApiBlocking().writePoints(points);

    RollUps.run(
        HOUR.minus(Duration.ofMinutes(1)), HOUR.plus(Duration.ofHours(1)), "climate_1m", "room_1m");
    RollUps.run(HOUR, HOUR.plus(Duration.ofHours(1)), "climate_1h", "room_1h");
  }

  private static Point reading(String name, Instant time, double temperature, Double counter) {
    Point point =
        Point.measurement("climate")
            .addTag("device", name)
            .addTag("source", "climate")
            .addTag("site", "rollup-site")
            .addTag("room", room)
            .time(time.toEpochMilli(), WritePrecision.MS)
            .addField("event_id", UUID.randomUUID().toString())
            .addField("temperature", temperature)
            .addField("humidity", 40.0)
            .addField("weather_category", 3L);
    if (counter != null) {
      point.addField("cooling_energy", counter).addField("cooling_power", 36.0);
    }
    return point;
  }

  @AfterAll
  static void disconnect() {
    influx.close();
  }

  @Test
  void theStackRunsTheRollUpsAsContinuousQueriesOnTheirSchedule() throws Exception {
    Map<String, String> queries = RollUps.continuousQueries();

    assertTrue(queries.get("climate_1m").contains("RESAMPLE EVERY 1m FOR 2m"), queries.toString());
    assertTrue(queries.get("climate_1m").contains("INTO setpoint.rollup_1m.:MEASUREMENT"));
    assertTrue(queries.get("climate_1m").contains("GROUP BY time(1m), *"));
    assertTrue(queries.get("climate_1h").contains("RESAMPLE EVERY 1h FOR 2h"));
    assertTrue(queries.get("climate_1h").contains("FROM setpoint.rollup_1m.climate"));
    assertTrue(queries.get("energy_1h").contains("INTO setpoint.rollup_1h.energy"));
    List<JsonObject> policies = RollUps.series("SHOW RETENTION POLICIES ON setpoint");
    String text = policies.toString();
    assertTrue(text.contains("[\"raw\",\"720h0m0s\",\"24h0m0s\",1,true]"), text);
    assertTrue(text.contains("[\"rollup_1m\",\"17520h0m0s\""), text);
    assertTrue(text.contains("[\"rollup_1h\",\"17520h0m0s\""), text);
  }

  @Test
  void eachMinuteHoldsItsMeanMinMaxAndTheCounterRiseAsItsEnergy() throws Exception {
    List<Map<String, JsonValue>> minutes =
        RollUps.rows(
            "SELECT * FROM setpoint.rollup_1m.climate WHERE device = '"
                + device
                + "' AND time >= "
                + HOUR.toEpochMilli()
                + "ms ORDER BY time");

    assertEquals(60, minutes.size(), minutes.toString());
    for (int m = 0; m < 60; m++) {
      Map<String, JsonValue> row = minutes.get(m);
      assertEquals(HOUR.plusSeconds(60L * m).toEpochMilli(), number(row, "time"), 0);
      assertEquals(22.5 + m / 100.0, number(row, "mean_temperature"), EPSILON, row.toString());
      assertEquals(20 + m / 100.0, number(row, "min_temperature"), EPSILON);
      assertEquals(25 + m / 100.0, number(row, "max_temperature"), EPSILON);
      assertEquals(40.0, number(row, "mean_humidity"), EPSILON);
      assertEquals(0.6, number(row, "sum_cooling_energy"), 1e-6, row.toString());
      assertEquals(36.0, number(row, "mean_cooling_power"), EPSILON);
      assertEquals(3.0, number(row, "last_weather_category"), EPSILON);
      assertEquals(room, ((jakarta.json.JsonString) row.get("room")).getString());
      assertFalse(row.containsKey("mean_cooling_energy"), "a counter is never averaged");
    }
  }

  @Test
  void theHourIsMadeOfItsMinutesAndItsEnergyIsTheirSum() throws Exception {
    List<Map<String, JsonValue>> hours =
        RollUps.rows(
            "SELECT * FROM setpoint.rollup_1h.climate WHERE device = '"
                + device
                + "' AND time >= "
                + HOUR.toEpochMilli()
                + "ms");

    assertEquals(1, hours.size(), hours.toString());
    Map<String, JsonValue> hour = hours.getFirst();
    assertEquals(HOUR.toEpochMilli(), number(hour, "time"), 0);
    assertEquals(22.5 + 0.295, number(hour, "mean_temperature"), EPSILON);
    assertEquals(20.0, number(hour, "min_temperature"), EPSILON);
    assertEquals(25.59, number(hour, "max_temperature"), EPSILON);
    // The counter rose from 1000 to 1036 kWh: 36 kWh, not a mean of counter readings.
    assertEquals(36.0, number(hour, "sum_cooling_energy"), 1e-6);
  }

  @Test
  void theRoomsHottestInletIsItsHottestDevicesReading() throws Exception {
    List<Map<String, JsonValue>> rows =
        RollUps.rows(
            "SELECT hottest_inlet, mean_temperature FROM setpoint.rollup_1h.room_climate WHERE room"
                + " = '"
                + room
                + "'");

    assertEquals(1, rows.size(), rows.toString());
    assertEquals(30.0, number(rows.getFirst(), "hottest_inlet"), EPSILON);
    assertEquals((22.795 + 30.0) / 2, number(rows.getFirst(), "mean_temperature"), EPSILON);
  }

  @Test
  void aYearsChartReadsTheHourRollUp() throws Exception {
    JsonObject body = climate("device=" + q(device) + "&range=1y");

    assertEquals("1h", body.getString("resolution"), body.toString());
    assertEquals("1d", body.getString("interval"));
    JsonArray samples = body.getJsonArray("samples");
    assertEquals(1, samples.size(), body.toString());
    assertEquals(
        22.795, samples.getJsonObject(0).getJsonNumber("temperature").doubleValue(), EPSILON);
    assertEquals(3, samples.getJsonObject(0).getInt("weatherCategory"));
  }

  @Test
  void aWeeksChartReadsTheMinuteRollUpInHalfHours() throws Exception {
    JsonObject body = climate("device=" + q(device) + "&range=7d");

    assertEquals("1m", body.getString("resolution"), body.toString());
    assertEquals("30m", body.getString("interval"));
    JsonArray samples = body.getJsonArray("samples");
    // The minute before the hour (its one reading, 25 °C), then minutes 0–29 and 30–59: means
    // 22.5 + 0.145 and 22.5 + 0.445.
    assertEquals(3, samples.size(), body.toString());
    assertEquals(
        25.0, samples.getJsonObject(0).getJsonNumber("temperature").doubleValue(), EPSILON);
    assertEquals(HOUR.toEpochMilli(), samples.getJsonObject(1).getJsonNumber("time").longValue());
    assertEquals(
        22.645, samples.getJsonObject(1).getJsonNumber("temperature").doubleValue(), EPSILON);
    assertEquals(
        22.945, samples.getJsonObject(2).getJsonNumber("temperature").doubleValue(), EPSILON);
  }

  /**
   * Raw points of 40 days ago are past the raw retention (InfluxDB does not even take them), so an
   * hour then is read from the minute roll-up: its stored minutes, not an empty raw answer.
   */
  @Test
  void anHourOlderThanTheRawRetentionIsServedFromTheMinuteRollUp() throws Exception {
    String old = "rollup-old-" + UUID.randomUUID();
    Instant then = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(40));
    List<String> minutes = new ArrayList<>();
    for (int m = 0; m < 60; m++) {
      minutes.add(
          "climate,device="
              + old
              + ",site=rollup-site,source=climate mean_temperature="
              + (24.0 + m / 10.0)
              + ",mean_humidity=45 "
              + then.plusSeconds(60L * m).toEpochMilli());
    }
    RollUps.write("rollup_1m", minutes);

    JsonObject body =
        climate(
            "device="
                + q(old)
                + "&from="
                + then
                + "&to="
                + then.plus(Duration.ofHours(1)).minusMillis(1));

    assertEquals("1m", body.getString("resolution"), body.toString());
    assertEquals("1m", body.getString("interval"));
    JsonArray samples = body.getJsonArray("samples");
    assertEquals(60, samples.size(), body.toString());
    assertEquals(
        29.9, samples.getJsonObject(59).getJsonNumber("temperature").doubleValue(), EPSILON);
  }

  /**
   * A month wholly older than the raw retention: the room's report reads its energy hours from the
   * hour roll-up (kept there unchanged), their weather from its device means (an hour without
   * weather is not complete) and its inlet minutes from the minute roll-up's room minutes, as the
   * stack's continuous queries left them.
   */
  @Test
  void aMonthOlderThanTheRawRetentionIsReportedFromTheRollUps() throws Exception {
    String old = "rollup-old-room-" + UUID.randomUUID();
    YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
    Instant hour = month.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<String> hours = new ArrayList<>();
    for (int h = 0; h < 3; h++) {
      hours.add(
          "energy,device=crac-"
              + old
              + ",quantity=cooling,room="
              + old
              + ",site=rollup-site kwh=1.5,covered_s=3600,gap_s=0,excluded_s=0,resets=0i,"
              + "complete=true "
              + hour.plusSeconds(3600L * h).toEpochMilli());
    }
    // The hours' weather (a complete hour needs it): the hour roll-up's device means.
    for (int h = 0; h < 3; h++) {
      hours.add(
          "climate,device=rc-"
              + old
              + ",room="
              + old
              + ",site=rollup-site,source=climate mean_outdoor_temperature=20,"
              + "mean_outdoor_humidity=50 "
              + hour.plusSeconds(3600L * h).toEpochMilli());
    }
    RollUps.write("rollup_1h", hours);
    List<String> minutes = new ArrayList<>();
    for (int m = 0; m < 30; m++) {
      minutes.add(
          "room_climate,room="
              + old
              + ",site=rollup-site hottest_inlet="
              + (m < 10 ? 28.0 : 24.0)
              + ",mean_temperature=23,mean_humidity=40 "
              + hour.plusSeconds(60L * m).toEpochMilli());
    }
    RollUps.write("rollup_1m", minutes);

    JsonObject energy = report(old, month, "/energy");
    assertEquals(3, energy.getInt("completeHours"), energy.toString());
    assertEquals(4.5, energy.getJsonNumber("coolingKwh").doubleValue(), EPSILON);
    JsonObject envelope = report(old, month, "/envelope");
    assertEquals(30, envelope.getInt("minutesObserved"), envelope.toString());
    assertEquals(10, envelope.getInt("minutesAbove"), envelope.toString());
    assertEquals(28.0, envelope.getJsonNumber("hottestC").doubleValue(), EPSILON);
  }

  private JsonObject report(String room, YearMonth month, String figure) throws Exception {
    HttpResponse<String> response =
        get("api/v1/rooms/" + q(room) + "/reports/" + month + figure, "application/json");
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Test
  void theCsvOfALongRangeSaysItHoldsTheHourRollUp() throws Exception {
    HttpResponse<String> response =
        get("api/v1/history/climate?range=1y&device=" + q(device), "text/csv");

    assertEquals(200, response.statusCode(), response.body());
    String[] lines = response.body().split("\r\n");
    assertTrue(lines[0].endsWith(",resolution,interval"), lines[0]);
    assertEquals(2, lines.length, response.body());
    assertTrue(lines[1].endsWith(",1h,1d"), lines[1]);
  }

  @Test
  void aRangeOlderThanTheRollUpsIs400NamingFrom() throws Exception {
    HttpResponse<String> response =
        get(
            "api/v1/history/climate?device=x&from="
                + Instant.now().minus(Duration.ofDays(800))
                + "&to="
                + Instant.now().minus(Duration.ofDays(799)),
            "application/json");

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"parameter\":\"from\""), response.body());
  }

  private JsonObject climate(String query) throws Exception {
    HttpResponse<String> response = get("api/v1/history/climate?" + query, "application/json");
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", accept)
            .header("Authorization", "Bearer " + operator)
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double number(Map<String, JsonValue> row, String column) {
    JsonValue value = row.get(column);
    assertTrue(value instanceof JsonNumber, column + " in " + row);
    return ((JsonNumber) value).doubleValue();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
