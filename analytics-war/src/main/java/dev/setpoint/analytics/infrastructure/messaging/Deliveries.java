package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How this WAR's consumers take a Kafka message: decode it, hand it on, acknowledge it (its offset
 * then committable) once handled. A payload that does not decode can never be handled, so it is
 * reported and acknowledged rather than blocking the partition behind it; a handler stopped while
 * waiting leaves the message unacknowledged, to be delivered again.
 */
final class Deliveries {
  private Deliveries() {}

  /** What handles a decoded message; it may wait (retrying a store), and be stopped. */
  interface Handler<T> {
    void handle(T decoded) throws InterruptedException;
  }

  static <T> CompletionStage<Void> consume(
      Message<String> message,
      Function<String, T> decode,
      Consumer<TelemetryFormatException> undecodable,
      Handler<T> handler) {
    T decoded;
    try {
      decoded = decode.apply(message.getPayload());
    } catch (TelemetryFormatException e) {
      undecodable.accept(e);
      return message.ack();
    }
    try {
      handler.handle(decoded);
      return message.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
  }
}
