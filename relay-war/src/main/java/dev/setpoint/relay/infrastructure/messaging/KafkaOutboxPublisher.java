package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.relay.domain.OutboxPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes the edge outbox on {@link Channels#OUTBOX_OUT}, each message to the topic it names,
 * keyed by its key. Liberty's connector (liberty-kafka) reads neither a key nor a topic from a
 * message's metadata (SmallRye's {@code OutgoingKafkaRecordMetadata} is its own Kafka connector's),
 * but it sends a {@link ProducerRecord} payload as it is when the channel configures no topic
 * (liberty-kafka's {@code ProducerRecordFactory}: the configured topic, else the record's): so the
 * {@code outbox-out} channel has no {@code topic} key, and one channel serves every topic. As for
 * telemetry, the stage {@link Emitter#send(Object)} returns completes on the broker's
 * acknowledgement (acks=all) and fails on the producer's error.
 */
@ApplicationScoped
public class KafkaOutboxPublisher implements OutboxPublisher {
  private final Emitter<ProducerRecord<String, String>> emitter;

  @Inject
  public KafkaOutboxPublisher(
      @Channel(Channels.OUTBOX_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          Emitter<ProducerRecord<String, String>> emitter) {
    this.emitter = emitter;
  }

  /** For CDI's proxy only. */
  protected KafkaOutboxPublisher() {
    this.emitter = null;
  }

  @Override
  public CompletionStage<Void> publish(OutboxMessage message) {
    try {
      return emitter.send(new ProducerRecord<>(message.topic(), message.key(), message.payload()));
    } catch (RuntimeException e) {
      // The channel refused the message (not connected yet, buffer full): it stays in the outbox.
      return CompletableFuture.failedFuture(e);
    }
  }
}
