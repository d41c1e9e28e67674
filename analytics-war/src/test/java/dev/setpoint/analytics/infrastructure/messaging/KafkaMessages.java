package dev.setpoint.analytics.infrastructure.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Messages as the connector hands them to a consumer, their acknowledgements counted. */
final class KafkaMessages {
  final AtomicInteger acks = new AtomicInteger();

  Message<String> of(String payload) {
    return Message.of(
        payload,
        () -> {
          acks.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        });
  }
}
