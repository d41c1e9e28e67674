package dev.setpoint.analytics.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter's part: decoding the payload, and what it does with one it cannot decode. */
class TelemetryConsumerTest {
  private final List<TelemetryMessage> written = new ArrayList<>();
  private final TimeSeriesStore store =
      new TimeSeriesStore() {
        @Override
        public void write(TelemetryMessage message) {
          written.add(message);
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
  private final TelemetryConsumer consumer = new TelemetryConsumer(recorder);
  private final TelemetryCodec codec = new TelemetryCodec();
  private final KafkaMessages kafka = new KafkaMessages();

  @AfterEach
  void close() {
    consumer.stop();
    codec.close();
  }

  @Test
  void decodesThePayloadAndRecordsTheMessage() {
    TelemetryMessage message =
        new TelemetryMessage(
            1,
            "e-1",
            "rack-1",
            "p",
            "s",
            10L,
            List.of(new TelemetryReading("temperature", 22.0, "C")),
            null,
            null,
            null,
            null,
            null);

    assertTrue(consumer.consume(kafka.of(codec.encode(message))).toCompletableFuture().isDone());

    assertEquals(List.of(message), written);
    assertEquals(1, recorder.storedCount());
    assertEquals(1, kafka.acks.get());
    assertEquals(0, consumer.undecodableCount());
  }

  @Test
  void skipsAMalformedMessageWithoutTouchingTheStore() {
    consumer.consume(kafka.of("{\"schemaVersion\":1}"));
    consumer.consume(kafka.of("not json"));

    assertEquals(0, written.size());
    assertEquals(2, consumer.undecodableCount());
    assertEquals(0, recorder.rejectedCount());
    assertEquals(2, kafka.acks.get(), "acknowledged: it can never be stored");
  }
}
