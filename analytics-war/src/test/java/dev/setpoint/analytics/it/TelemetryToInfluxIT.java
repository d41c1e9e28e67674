package dev.setpoint.analytics.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxQLQueryApi;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.contracts.telemetry.Topics;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built analytics WAR on Liberty, from the real broker into the real InfluxDB. */
@ExtendWith(ArquillianExtension.class)
class TelemetryToInfluxIT {
  private static final TelemetryCodec CODEC = new TelemetryCodec();
  private static KafkaProducer<String, String> producer;
  private static InfluxDBClient influx;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  @BeforeAll
  static void connect() {
    producer = ItKafka.producer();
    influx = InfluxDBClientFactory.create(System.getProperty("setpoint.it.influx.url"));
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    influx.close();
    CODEC.close();
  }

  private static void send(TelemetryMessage message) throws Exception {
    producer
        .send(new ProducerRecord<>(Topics.TELEMETRY, message.device(), CODEC.encode(message)))
        .get();
  }

  private static List<InfluxQLQueryResult.Series.Record> rows(String device) {
    return query(
        "SELECT temperature, humidity, event_id FROM climate WHERE device = '" + device + "'");
  }

  private static List<InfluxQLQueryResult.Series.Record> query(String influxQl) {
    InfluxQLQueryApi api = influx.getInfluxQLQueryApi();
    InfluxQLQueryResult result = api.query(new InfluxQLQuery(influxQl, "setpoint"));
    if (result == null || result.getResults().isEmpty()) {
      return List.of();
    }
    return result.getResults().get(0).getSeries().stream()
        .flatMap(series -> series.getValues().stream())
        .toList();
  }

  /** InfluxQL results arrive as CSV, so every value is text. */
  private static double number(InfluxQLQueryResult.Series.Record row, String field) {
    return Double.parseDouble(String.valueOf(row.getValueByKey(field)));
  }

  @Test
  void telemetryBecomesClimatePointsAndAReplayDoesNotDuplicate() throws Exception {
    String device = "rack-analytics-" + UUID.randomUUID();
    long origin = System.currentTimeMillis() * 1_000_000L;
    TelemetryMessage first =
        new TelemetryMessage(
            1,
            UUID.randomUUID().toString(),
            device,
            "room-sensor",
            "climate",
            origin,
            List.of(
                new TelemetryReading("temperature", 23.25, "degC"),
                new TelemetryReading("humidity", 44.5, "%RH")),
            null,
            null,
            null,
            null,
            null);
    TelemetryMessage second =
        new TelemetryMessage(
            1,
            UUID.randomUUID().toString(),
            device,
            "room-sensor",
            "climate",
            origin + 10_000_000_000L,
            List.of(
                new TelemetryReading("temperature", 24.0, "degC"),
                new TelemetryReading("humidity", 45.0, "%RH")),
            null,
            null,
            null,
            null,
            null);

    send(first);
    send(second);
    send(first); // a replay, as after a relay restart

    await().atMost(Duration.ofSeconds(60)).until(() -> rows(device).size() >= 2);
    // Give a duplicate the chance to show up before asserting there is none.
    await()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> rows(device).size() == 2);

    List<InfluxQLQueryResult.Series.Record> rows = rows(device);
    assertEquals(2, rows.size());
    assertEquals(23.25, number(rows.get(0), "temperature"));
    assertEquals(44.5, number(rows.get(0), "humidity"));
    assertEquals(first.eventId(), rows.get(0).getValueByKey("event_id"));
    assertEquals(24.0, number(rows.get(1), "temperature"));
  }

  @Test
  void aSitesWeatherIsOnePointPerObservationAndOnlyStaleWeatherIsMarkedOnAReading()
      throws Exception {
    String site = "weather-" + UUID.randomUUID();
    String device = "rack-weather-" + UUID.randomUUID();
    long origin = System.currentTimeMillis() * 1_000_000L;
    long observed = origin / 1_000_000L - 60_000L;
    OutdoorConditions fresh =
        new OutdoorConditions(9.5, 71.0, 7, observed, "openweathermap", false, 60, false);
    // the same observation, served again once the provider could not be reached
    OutdoorConditions stale =
        new OutdoorConditions(9.5, 71.0, 7, observed, "openweathermap", true, 3_660, false);
    OutdoorConditions newer =
        new OutdoorConditions(10.5, 68.0, 3, observed + 30_000L, "openweathermap", false, 0, false);
    List<OutdoorConditions> attached = List.of(fresh, fresh, stale, newer);
    for (int k = 0; k < attached.size(); k++) {
      send(
          new TelemetryMessage(
              TelemetryMessage.SCHEMA_VERSION,
              UUID.randomUUID().toString(),
              device,
              "room-sensor",
              "climate",
              origin + k * 10_000_000_000L,
              List.of(new TelemetryReading("temperature", 22.0 + k, "degC")),
              site,
              attached.get(k),
              null,
              System.currentTimeMillis(),
              null));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> rows(device).size() == attached.size());
    List<InfluxQLQueryResult.Series.Record> readings =
        query(
            "SELECT outdoor_temperature, weather_category, weather_stale FROM climate"
                + " WHERE device = '"
                + device
                + "'");
    List<String> staleMarks =
        readings.stream().map(r -> String.valueOf(r.getValueByKey("weather_stale"))).toList();
    assertEquals(List.of("", "", "true", ""), staleMarks, "only the stale reading is marked");
    assertEquals(10.5, number(readings.get(3), "outdoor_temperature"));

    List<InfluxQLQueryResult.Series.Record> observations =
        query(
            "SELECT temperature, humidity, category, simulated, source FROM weather WHERE site = '"
                + site
                + "'");
    assertEquals(2, observations.size(), "one point per observation, however many readings");
    assertEquals(9.5, number(observations.get(0), "temperature"));
    assertEquals(71.0, number(observations.get(0), "humidity"));
    assertEquals(7.0, number(observations.get(0), "category"));
    assertEquals("false", observations.get(0).getValueByKey("simulated"));
    assertEquals("openweathermap", observations.get(0).getValueByKey("source"));
    assertEquals(10.5, number(observations.get(1), "temperature"));
    assertEquals(3.0, number(observations.get(1), "category"));
  }

  @Test
  void aMalformedMessageIsSkippedAndDoesNotBlockTheOnesBehindIt() throws Exception {
    String device = "rack-poison-" + UUID.randomUUID();
    producer.send(new ProducerRecord<>(Topics.TELEMETRY, device, "{not telemetry")).get();
    TelemetryMessage good =
        new TelemetryMessage(
            1,
            UUID.randomUUID().toString(),
            device,
            "room-sensor",
            "climate",
            System.currentTimeMillis() * 1_000_000L,
            List.of(new TelemetryReading("temperature", 19.5, "degC")),
            null,
            null,
            null,
            null,
            null);
    send(good);

    await().atMost(Duration.ofSeconds(60)).until(() -> rows(device).size() == 1);
  }

  @Test
  void readinessReportsKafkaAndInfluxUp() throws Exception {
    URI ready = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/health/ready");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"analytics-influxdb\""), response.body());
    assertTrue(response.body().contains("\"analytics-kafka\""), response.body());
  }
}
