package dev.setpoint.analytics.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ThrowingRunnable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Late telemetry reaches the roll-ups through the built WAR alone. Messages of a fresh device and
 * room, taken half an hour ago, go through the real broker into the raw points; the per-minute
 * continuous query (each minute over the last 2) never reads minutes that old, and this test runs
 * no backfill of its own ({@link RollUps#run} is not called), so only analytics' {@code
 * LateRollUps} can put them into {@code rollup_1m} and, from there, {@code rollup_1h}. The server
 * rolls a late hour up after 2 s without more late points, in rounds every second (failsafe's
 * environment in {@code pom.xml}), not after a minute in rounds every 30 s.
 */
@ExtendWith(ArquillianExtension.class)
class LateRollUpIT {
  private static final TelemetryCodec CODEC = new TelemetryCodec();
  private static final double EPSILON = 1e-9;

  /**
   * The first of two late minutes, 30 minutes back; a minute earlier when the second would start
   * the next hour, so one hour holds both.
   */
  private static final Instant MINUTE = firstMinute();

  private static final Instant HOUR = MINUTE.truncatedTo(ChronoUnit.HOURS);

  private static KafkaProducer<String, String> producer;
  private static String device;
  private static String room;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  private static Instant firstMinute() {
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    return minute.atZone(ZoneOffset.UTC).getMinute() == 59
        ? minute.minus(Duration.ofMinutes(1))
        : minute;
  }

  /**
   * The device reports every 20 s: 20, 22, 24 °C in the first minute (mean 22), 21, 25, 26 °C in
   * the second (mean 24). A second device in its room reports once a minute, 30 then 31 °C: the
   * room's hottest inlet. Then the test waits until all eight points are stored.
   */
  @BeforeAll
  static void sendTwoLateMinutes() throws Exception {
    producer = ItKafka.producer();
    device = "late-" + UUID.randomUUID();
    room = "late-room-" + UUID.randomUUID();
    double[][] temperatures = {{20, 22, 24}, {21, 25, 26}};
    for (int m = 0; m < 2; m++) {
      Instant minute = MINUTE.plus(Duration.ofMinutes(m));
      for (int k = 0; k < 3; k++) {
        send(device, minute.plusSeconds(20L * k), temperatures[m][k]);
      }
      send(device + "-hot", minute.plusSeconds(30), 30 + m);
    }
    // Late for the continuous query: its last window ended before these minutes' second one did.
    assertTrue(
        MINUTE.plus(Duration.ofMinutes(2)).isBefore(Instant.now().minus(Duration.ofMinutes(3))),
        "the minutes must be older than the per-minute query's window: " + MINUTE);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                RollUps.rows("SELECT temperature FROM climate WHERE room = '" + room + "'").size()
                    == 8);
  }

  private static void send(String name, Instant origin, double temperature) throws Exception {
    TelemetryMessage message =
        new TelemetryMessage(
            TelemetryMessage.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            name,
            "room-sensor",
            "climate",
            origin.toEpochMilli() * 1_000_000L,
            List.of(
                new TelemetryReading("temperature", temperature, "degC"),
                new TelemetryReading("humidity", 40.0, "%RH")),
            "late-site",
            null,
            null,
            null,
            room);
    producer.send(new ProducerRecord<>(Topics.TELEMETRY, name, CODEC.encode(message))).get();
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    CODEC.close();
  }

  @Test
  void eachLateMinuteIsRolledUpWithItsMeanMinMax() {
    eventually(
        () -> {
          List<Map<String, JsonValue>> minutes =
              RollUps.rows(
                  "SELECT * FROM setpoint.rollup_1m.climate WHERE device = '"
                      + device
                      + "' ORDER BY time");
          assertEquals(2, minutes.size(), minutes.toString());
          assertMinute(minutes.get(0), MINUTE, 22.0, 20.0, 24.0);
          assertMinute(minutes.get(1), MINUTE.plus(Duration.ofMinutes(1)), 24.0, 21.0, 26.0);
        });
  }

  private static void assertMinute(
      Map<String, JsonValue> row, Instant time, double mean, double min, double max) {
    assertEquals(time.toEpochMilli(), number(row, "time"), 0, row.toString());
    assertEquals(mean, number(row, "mean_temperature"), EPSILON, row.toString());
    assertEquals(min, number(row, "min_temperature"), EPSILON, row.toString());
    assertEquals(max, number(row, "max_temperature"), EPSILON, row.toString());
    assertEquals(40.0, number(row, "mean_humidity"), EPSILON, row.toString());
  }

  @Test
  void eachLateMinuteHoldsTheRoomsHottestInlet() {
    eventually(
        () -> {
          List<Map<String, JsonValue>> minutes =
              RollUps.rows(
                  "SELECT hottest_inlet, mean_temperature FROM setpoint.rollup_1m.room_climate"
                      + " WHERE room = '"
                      + room
                      + "' ORDER BY time");
          assertEquals(2, minutes.size(), minutes.toString());
          assertEquals(30.0, number(minutes.get(0), "hottest_inlet"), EPSILON);
          assertEquals(
              (20 + 22 + 24 + 30) / 4.0, number(minutes.get(0), "mean_temperature"), EPSILON);
          assertEquals(31.0, number(minutes.get(1), "hottest_inlet"), EPSILON);
          assertEquals(
              (21 + 25 + 26 + 31) / 4.0, number(minutes.get(1), "mean_temperature"), EPSILON);
        });
  }

  @Test
  void theLateHourIsRolledUpFromItsMinutes() {
    eventually(
        () -> {
          List<Map<String, JsonValue>> hours =
              RollUps.rows(
                  "SELECT * FROM setpoint.rollup_1h.climate WHERE device = '" + device + "'");
          assertEquals(1, hours.size(), hours.toString());
          Map<String, JsonValue> hour = hours.getFirst();
          assertEquals(HOUR.toEpochMilli(), number(hour, "time"), 0);
          assertEquals(23.0, number(hour, "mean_temperature"), EPSILON, hour.toString());
          assertEquals(20.0, number(hour, "min_temperature"), EPSILON);
          assertEquals(26.0, number(hour, "max_temperature"), EPSILON);

          List<Map<String, JsonValue>> rooms =
              RollUps.rows(
                  "SELECT hottest_inlet, mean_temperature FROM setpoint.rollup_1h.room_climate"
                      + " WHERE room = '"
                      + room
                      + "'");
          assertEquals(1, rooms.size(), rooms.toString());
          assertEquals(31.0, number(rooms.getFirst(), "hottest_inlet"), EPSILON);
          assertEquals((24.0 + 25.75) / 2, number(rooms.getFirst(), "mean_temperature"), EPSILON);
        });
  }

  /** The roll-ups are made by the server's rounds: asserted until they hold, for 20 s at most. */
  private static void eventually(ThrowingRunnable assertion) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(assertion);
  }

  private static double number(Map<String, JsonValue> row, String column) {
    JsonValue value = row.get(column);
    assertTrue(value instanceof JsonNumber, column + " in " + row);
    return ((JsonNumber) value).doubleValue();
  }
}
