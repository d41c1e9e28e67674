package dev.setpoint.contracts.telemetry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An emitter that keeps what it is given; the first {@code failures} sends fail as a broker would.
 */
public final class RecordingEmitter implements Emitter<ProducerRecord<String, String>> {
  public final List<ProducerRecord<String, String>> sent = new CopyOnWriteArrayList<>();
  final AtomicInteger failures;

  public RecordingEmitter(int failures) {
    this.failures = new AtomicInteger(failures);
  }

  @Override
  public CompletionStage<Void> send(ProducerRecord<String, String> payload) {
    if (failures.getAndDecrement() > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
    }
    sent.add(payload);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public <M extends Message<? extends ProducerRecord<String, String>>> void send(M msg) {
    throw new UnsupportedOperationException("the dead-letter publisher sends payloads");
  }

  @Override
  public void complete() {}

  @Override
  public void error(Exception e) {}

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public boolean hasRequests() {
    return true;
  }
}
