package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static dev.setpoint.it.Edge.influx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.telemetry.DeadLetters;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cloud path from {@code setpoint.telemetry} into InfluxDB as analytics batches it, at a small
 * scale against the real stack: a record that can never be stored, in the middle of a batch, goes
 * to {@code setpoint.telemetry.dlq} with its reason and origin while every good record around it is
 * stored; InfluxDB stopped while batches are being written delays them and loses nothing; and a
 * kill -9 of the server while batches are being written loses nothing and doubles no point (the
 * uncommitted records come again and overwrite their own points). Every event has its own origin,
 * so a lost one is a missing point and the count is exact.
 *
 * <p>Two analytics servers in one consumer group, one killed while the other takes over its
 * partitions, are {@link AnalyticsGroupIT}'s: the EAR test server and a second Liberty server that
 * runs the analytics WAR alone.
 */
class CloudPathIT {
  private static final TelemetryCodec CODEC = new TelemetryCodec();
  private static final Pattern GAUGE =
      Pattern.compile("(?m)^(setpoint_analytics_telemetry_[a-z_]+)\\{[^}]*\\}\\s+([0-9.eE+-]+)");
  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void connect() {
    awaitReady(Duration.ofSeconds(180));
    producer = Edge.producer();
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  /** A room sensor's temperature at {@code originNs}, under a new event id. */
  static TelemetryMessage message(String device, long originNs, double temperature) {
    return new TelemetryMessage(
        4,
        UUID.randomUUID().toString(),
        device,
        "room-sensor",
        "climate",
        originNs,
        List.of(new TelemetryReading("temperature", temperature, "degC")),
        null,
        null,
        null,
        null,
        null);
  }

  private static void send(String key, String value) {
    producer.send(new ProducerRecord<>(Topics.TELEMETRY, key, value));
  }

  /** The temperature points in InfluxDB of the devices named {@code <prefix>-…}. */
  static long points(String prefix) throws Exception {
    List<JsonArray> rows =
        influx("SELECT count(temperature) FROM climate WHERE device =~ /^" + prefix + "-/");
    return rows.isEmpty() ? 0 : rows.get(0).getJsonNumber(1).longValue();
  }

  /** analytics' telemetry figures on the EAR test server's /metrics, by name. */
  private static Map<String, Double> figures() throws Exception {
    return figures(Edge.BASE);
  }

  /** analytics' telemetry figures on the /metrics of the server at {@code base}, by name. */
  static Map<String, Double> figures(String base) throws Exception {
    var response = Scraper.get(base, "/metrics?scope=application");
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Double> figures = new java.util.TreeMap<>();
    Matcher m = GAUGE.matcher(response.body());
    while (m.find()) {
      figures.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return figures;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header h = record.headers().lastHeader(name);
    assertNotNull(h, "no header " + name);
    return new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void aPoisonRecordInTheMiddleOfABatchGoesToTheDeadLetterTopicAndEveryGoodOneIsStored()
      throws Exception {
    String prefix = "cp-dlq-" + UUID.randomUUID().toString().substring(0, 8);
    String poisonKey = prefix + "-poison";
    Map<String, Double> before = figures();
    try (KafkaConsumer<String, String> dlq =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("setpoint.it.kafka.bootstrap"),
                ConsumerConfig.GROUP_ID_CONFIG,
                prefix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      dlq.subscribe(List.of(Topics.TELEMETRY_DLQ));

      long origin = System.currentTimeMillis() * 1_000_000L;
      for (int i = 0; i < 100; i++) {
        if (i == 50) {
          send(poisonKey, "{\"schemaVersion\":4,\"eventId\":\"half a message\"");
        }
        String device = prefix + "-d" + (i % 10);
        send(device, CODEC.encode(message(device, origin + i * 1_000_000L, 20 + i / 10.0)));
      }
      producer.flush();

      await().atMost(Duration.ofSeconds(60)).until(() -> points(prefix) >= 100);
      List<ConsumerRecord<String, String>> dead = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
                  if (poisonKey.equals(r.key())) {
                    dead.add(r);
                  }
                }
                return !dead.isEmpty();
              });

      assertEquals(100, points(prefix), "every good record stored once, the poison not");
      ConsumerRecord<String, String> record = dead.get(0);
      assertEquals("{\"schemaVersion\":4,\"eventId\":\"half a message\"", record.value());
      assertFalse(header(record, DeadLetters.REASON).isBlank());
      assertEquals(Topics.TELEMETRY, header(record, DeadLetters.TOPIC));
      assertTrue(Integer.parseInt(header(record, DeadLetters.PARTITION)) >= 0);
      assertTrue(Long.parseLong(header(record, DeadLetters.OFFSET)) >= 0);
    }
    Map<String, Double> after = figures();
    assertTrue(
        after.get("setpoint_analytics_telemetry_dead_letters")
            >= before.get("setpoint_analytics_telemetry_dead_letters") + 1,
        after.toString());
    assertEquals(
        before.get("setpoint_analytics_telemetry_rewritten"),
        after.get("setpoint_analytics_telemetry_rewritten"),
        "no event written twice");
  }

  /** Sends 20 records for the prefix's devices, numbered from {@code first}; the next number. */
  private static int stream(String prefix, long origin, int first) {
    int i = first;
    for (int j = 0; j < 20; j++, i++) {
      String device = prefix + "-d" + (i % 10);
      send(device, CODEC.encode(message(device, origin + i * 1_000_000L, 20 + i % 50 / 10.0)));
    }
    producer.flush();
    return i;
  }

  @Test
  void aKillOfTheServerWhileBatchesAreWrittenLosesNothingAndDoublesNothing() throws Exception {
    String prefix = "cp-kill-" + UUID.randomUUID().toString().substring(0, 8);
    long origin = System.currentTimeMillis() * 1_000_000L;
    int i = 0;
    while (points(prefix) == 0) {
      i = stream(prefix, origin, i);
      await().pollDelay(Duration.ofMillis(100)).until(() -> true);
    }
    for (int round = 0; round < 10; round++) {
      i = stream(prefix, origin, i);
    }
    FaultToleranceIT.LibertyServer.kill9();
    try {
      for (int round = 0; round < 10; round++) {
        i = stream(prefix, origin, i);
      }
    } finally {
      FaultToleranceIT.LibertyServer.start();
    }
    awaitReady(Duration.ofSeconds(180));
    int total = i;
    await().atMost(Duration.ofSeconds(90)).until(() -> points(prefix) >= total);
    assertEquals(total, points(prefix), "every record stored, each point once");
  }

  @Test
  void influxDbStoppedWhileBatchesAreWrittenDelaysThemAndLosesNothing() throws Exception {
    String prefix = "cp-influx-" + UUID.randomUUID().toString().substring(0, 8);
    long origin = System.currentTimeMillis() * 1_000_000L;
    int i = 0;
    // A steady stream, 20 records every 100 ms, until some are stored.
    while (points(prefix) == 0) {
      i = stream(prefix, origin, i);
      await().pollDelay(Duration.ofMillis(100)).until(() -> true);
    }
    Stack.stop("influx");
    try {
      // The stream goes on while InfluxDB is down: these wait in their batches, unacknowledged.
      for (int round = 0; round < 30; round++) {
        i = stream(prefix, origin, i);
        await().pollDelay(Duration.ofMillis(100)).until(() -> true);
      }
    } finally {
      Stack.start("influx");
    }
    int total = i;
    await().atMost(Duration.ofSeconds(90)).until(() -> points(prefix) >= total);
    assertEquals(total, points(prefix), "every record stored once, none lost");
  }
}
