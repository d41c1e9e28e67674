package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.domain.CommandPublisher;
import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes commands on {@link Channels#COMMANDS_OUT} ({@link Topics#COMMANDS}), keyed by device
 * name so one device's commands stay in order on one partition. As with the relay's telemetry, the
 * payload is a Kafka {@link ProducerRecord} because that is how Liberty's connector takes a key,
 * and the returned stage completes from the producer's send callback.
 */
@ApplicationScoped
public class KafkaCommandPublisher implements CommandPublisher {
  private final Emitter<ProducerRecord<String, String>> emitter;
  private final String topic;
  private final CommandCodec codec = new CommandCodec();

  @Inject
  public KafkaCommandPublisher(
      @Channel(Channels.COMMANDS_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          Emitter<ProducerRecord<String, String>> emitter,
      @ConfigProperty(
              name = "mp.messaging.outgoing." + Channels.COMMANDS_OUT + ".topic",
              defaultValue = Topics.COMMANDS)
          String topic) {
    this.emitter = emitter;
    this.topic = topic;
  }

  /** For CDI's proxy only. */
  protected KafkaCommandPublisher() {
    this.emitter = null;
    this.topic = null;
  }

  @Override
  public CompletionStage<Void> publish(CommandMessage command) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, command.device(), codec.encode(command));
    try {
      emitter.send(
          Message.of(
              record,
              () -> {
                acknowledged.complete(null);
                return CompletableFuture.completedFuture(null);
              },
              failure -> {
                acknowledged.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
              }));
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }

  @PreDestroy
  void close() {
    codec.close();
  }
}
