package dev.setpoint.analytics.infrastructure.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.TelemetryBatcher;
import dev.setpoint.analytics.application.TelemetryPlausibility;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.contracts.telemetry.DeadLetters;
import dev.setpoint.contracts.telemetry.RecordingEmitter;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.contracts.telemetry.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter's part: checking and decoding a record, batching it, dead-lettering a bad one. */
class TelemetryConsumerTest {
  private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
  private static final long ORIGIN = NOW.getEpochSecond() * 1_000_000_000L;

  private final List<List<TelemetryMessage>> batches = new CopyOnWriteArrayList<>();
  private final TimeSeriesStore store =
      new TimeSeriesStore() {
        @Override
        public void write(TelemetryMessage message) {
          batches.add(List.of(message));
        }

        @Override
        public void write(List<TelemetryMessage> batch) {
          batches.add(List.copyOf(batch));
        }

        @Override
        public void write(DeviceRecommendation recommendation) {
          throw new UnsupportedOperationException("the recorder stores telemetry only");
        }

        @Override
        public boolean isReachable() {
          return true;
        }
      };
  private final TelemetryRecorder recorder =
      new TelemetryRecorder(store, Duration.ofMillis(100), Duration.ofMillis(300), d -> {});
  private final TelemetryBatcher batcher =
      new TelemetryBatcher(recorder, 100, Duration.ofMillis(50), 100);
  private final RecordingEmitter emitter = new RecordingEmitter(0);
  private final TelemetryConsumer consumer =
      new TelemetryConsumer(
          batcher,
          new DeadLetterPublisher(emitter, Topics.TELEMETRY_DLQ),
          new TelemetryPlausibility(Clock.fixed(NOW, ZoneOffset.UTC)),
          2_000);
  private final TelemetryCodec codec = new TelemetryCodec();
  private final KafkaMessages kafka = new KafkaMessages();
  private final AtomicBoolean running = new AtomicBoolean(true);

  @AfterEach
  void close() {
    running.set(false);
    consumer.stop();
    codec.close();
  }

  private void startWriter() {
    Thread writer = new Thread(() -> batcher.run(running::get), "test-writer");
    writer.setDaemon(true);
    writer.start();
    Thread teller = new Thread(() -> batcher.runAfterStored(running::get), "test-teller");
    teller.setDaemon(true);
    teller.start();
  }

  private static TelemetryMessage message(String id, String resource, double value) {
    return new TelemetryMessage(
        1,
        id,
        "rack-1",
        "p",
        "s",
        ORIGIN,
        List.of(new TelemetryReading(resource, value, "C")),
        null,
        null,
        null,
        null,
        null);
  }

  private static String header(ProducerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void acknowledgesAMessageOnlyOnceItsBatchIsStored() throws Exception {
    TelemetryMessage first = message("e-1", "temperature", 22.0);
    TelemetryMessage second = message("e-2", "temperature", 23.0);

    consumer.consume(kafka.of(codec.encode(first)), kafka.done());
    consumer.consume(kafka.of(codec.encode(second)), kafka.done());
    assertEquals(0, kafka.acks.get(), "nothing stored yet, nothing acknowledged");

    startWriter();
    await().atMost(Duration.ofSeconds(5)).until(() -> kafka.acks.get() == 2);
    assertEquals(List.of(List.of(first, second)), batches, "one write for both");
    assertEquals(0, consumer.undecodableCount());
  }

  @Test
  void aPoisonRecordInTheMiddleGoesToTheDeadLetterTopicAndTheOthersAreStored() throws Exception {
    TelemetryMessage before = message("e-1", "temperature", 22.0);
    TelemetryMessage after = message("e-3", "temperature", 23.0);
    consumer.consume(kafka.of(codec.encode(before)), kafka.done());
    consumer.consume(kafka.of("not json"), kafka.done());
    consumer.consume(kafka.of(codec.encode(after)), kafka.done());

    assertEquals(1, kafka.acks.get(), "the dead letter is acknowledged once the broker has it");
    assertEquals(1, emitter.sent.size());
    ProducerRecord<String, String> dead = emitter.sent.get(0);
    assertEquals("not json", dead.value());
    assertEquals(Topics.TELEMETRY, header(dead, DeadLetters.TOPIC));
    assertEquals("1", header(dead, DeadLetters.OFFSET), "where it was read");
    assertEquals("rack-1", dead.key());
    assertTrue(
        header(dead, DeadLetters.REASON).contains("telemetry"), header(dead, DeadLetters.REASON));

    startWriter();
    await().atMost(Duration.ofSeconds(5)).until(() -> kafka.acks.get() == 3);
    assertEquals(List.of(List.of(before, after)), batches);
    assertEquals(1, consumer.undecodableCount());
  }

  @Test
  void deadLettersWrongSchemaTooLargeAndImplausibleRecordsWithTheirReason() throws Exception {
    consumer.consume(kafka.of("{\"schemaVersion\":1}"), kafka.done());
    consumer.consume(kafka.of("{\"pad\":\"" + "x".repeat(3_000) + "\"}"), kafka.done());
    consumer.consume(kafka.of(codec.encode(message("e-h", "humidity", 150.0))), kafka.done());
    consumer.consume(kafka.of(codec.encode(message("e-t", "temperature", 900.0))), kafka.done());

    assertEquals(4, emitter.sent.size());
    assertEquals(4, consumer.undecodableCount());
    assertEquals(4, kafka.acks.get());
    assertTrue(header(emitter.sent.get(0), DeadLetters.REASON).contains("eventId"));
    assertTrue(header(emitter.sent.get(1), DeadLetters.REASON).contains("bytes"));
    assertTrue(header(emitter.sent.get(2), DeadLetters.REASON).contains("humidity"));
    assertTrue(header(emitter.sent.get(3), DeadLetters.REASON).contains("temperature"));
    assertEquals(0, batches.size(), "none of them reached the store");
  }

  @Test
  void aDeadLetterTheBrokerRefusesIsRetriedAndOnlyThenAcknowledged() throws Exception {
    RecordingEmitter flaky = new RecordingEmitter(1);
    TelemetryConsumer withFlakyBroker =
        new TelemetryConsumer(
            batcher,
            new DeadLetterPublisher(flaky, Topics.TELEMETRY_DLQ),
            new TelemetryPlausibility(Clock.fixed(NOW, ZoneOffset.UTC)),
            2_000);

    withFlakyBroker.consume(kafka.of("not json"), kafka.done());

    assertEquals(0, kafka.acks.get(), "not acknowledged while the dead letter is not sent");
    await().atMost(Duration.ofSeconds(5)).until(() -> kafka.acks.get() == 1);
    assertEquals(1, flaky.sent.size());
  }
}
