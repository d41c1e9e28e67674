package dev.setpoint.contracts.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A record a {@link KafkaRecordLoop} read, as the Reactive Messaging {@link Message} the WARs'
 * consumers take: its value as the payload, its acknowledgement marking it done, and the record
 * itself through {@link #unwrap} (as liberty-kafka's messages give it, for the dead-letter
 * headers).
 */
final class RecordMessage implements Message<String> {
  private final ConsumerRecord<String, String> record;
  private final Runnable done;

  RecordMessage(ConsumerRecord<String, String> record, Runnable done) {
    this.record = record;
    this.done = done;
  }

  @Override
  public String getPayload() {
    return record.value();
  }

  @Override
  public Supplier<CompletionStage<Void>> getAck() {
    return () -> {
      done.run();
      return CompletableFuture.completedFuture(null);
    };
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (type.isInstance(record)) {
      return type.cast(record);
    }
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new IllegalArgumentException("a record message is not a " + type.getName());
  }
}
