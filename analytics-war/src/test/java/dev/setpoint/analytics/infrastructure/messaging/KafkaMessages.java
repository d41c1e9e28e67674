package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.Topics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Records as a consumer reads them, each with an offset of its own; those done are counted. */
final class KafkaMessages {
  final AtomicInteger acks = new AtomicInteger();
  private final AtomicLong offsets = new AtomicLong();

  ConsumerRecord<String, String> of(String payload) {
    return new ConsumerRecord<>(Topics.TELEMETRY, 0, offsets.getAndIncrement(), "rack-1", payload);
  }

  /** A message as liberty-kafka hands it to an {@code @Incoming} method, its ack counted. */
  Message<String> message(String payload) {
    return Message.of(
        payload,
        () -> {
          acks.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        });
  }

  Runnable done() {
    return acks::incrementAndGet;
  }
}
