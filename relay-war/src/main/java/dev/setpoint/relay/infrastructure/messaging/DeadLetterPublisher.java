package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.DeadLetterSender;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends the commands the relay can never decode to {@link Topics#COMMANDS_DLQ} (channel {@link
 * Channels#COMMANDS_DLQ_OUT}), through the shared {@link DeadLetterSender}: acknowledged only once
 * the broker has the dead letter.
 */
@ApplicationScoped
public class DeadLetterPublisher extends DeadLetterSender {

  @Inject
  public DeadLetterPublisher(
      @Channel(Channels.COMMANDS_DLQ_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          Emitter<ProducerRecord<String, String>> emitter,
      @ConfigProperty(
              name = "mp.messaging.outgoing." + Channels.COMMANDS_DLQ_OUT + ".topic",
              defaultValue = Topics.COMMANDS_DLQ)
          String topic) {
    super(emitter, topic);
  }

  /** For CDI's proxy only. */
  protected DeadLetterPublisher() {
    super(null, null);
  }

  @PreDestroy
  void close() {
    stop();
  }
}
