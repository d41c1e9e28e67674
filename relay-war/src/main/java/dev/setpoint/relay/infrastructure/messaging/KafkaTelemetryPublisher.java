package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.Topics;
import dev.setpoint.relay.domain.TelemetryPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes telemetry on {@link Channels#TELEMETRY_OUT}. The payload is a Kafka {@link
 * ProducerRecord} because that is how Liberty's connector takes a record key: the device name, so
 * one device's events stay in order on one partition (liberty-kafka reads no key from a message's
 * metadata). The connector acknowledges the message from the producer's send callback, i.e. once
 * the broker has it (acks=all), and the stage {@link Emitter#send(Object)} returns follows that
 * acknowledgement.
 */
@ApplicationScoped
public class KafkaTelemetryPublisher implements TelemetryPublisher {
  private final Emitter<ProducerRecord<String, String>> emitter;
  private final TelemetryCodec codec = new TelemetryCodec();

  @Inject
  public KafkaTelemetryPublisher(
      @Channel(Channels.TELEMETRY_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          Emitter<ProducerRecord<String, String>> emitter) {
    this.emitter = emitter;
  }

  /** For CDI's proxy only. */
  protected KafkaTelemetryPublisher() {
    this.emitter = null;
  }

  @Override
  public CompletionStage<Void> publish(TelemetryMessage message) {
    try {
      // Emitter.send(payload) returns the acknowledgement itself: on Liberty's
      // mpReactiveMessaging-3.0 (SmallRye Reactive Messaging 4) it wraps the payload in a message
      // whose ack completes the stage and whose nack fails it, and liberty-kafka acks from the
      // producer's send callback (the broker has the record) or nacks with the producer's
      // exception (delivery timeout, record too large…). PublishIT checks both on Liberty.
      // The record's topic is only a placeholder: liberty-kafka sends to the channel's configured
      // topic (mp.messaging.outgoing.telemetry-out.topic), copying key, value and headers.
      return emitter.send(
          new ProducerRecord<>(Topics.TELEMETRY, message.device(), codec.encode(message)));
    } catch (RuntimeException e) {
      // The channel refused the message (not connected yet, buffer full): the event stays PENDING.
      return CompletableFuture.failedFuture(e);
    }
  }

  @PreDestroy
  void close() {
    codec.close();
  }
}
