package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryBatcher;
import dev.setpoint.analytics.application.TelemetryPlausibility;
import dev.setpoint.analytics.config.RecorderConfig;
import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link Channels#TELEMETRY_IN}: checks and decodes each record and hands the {@link
 * TelemetryMessage} to the {@link TelemetryBatcher}, which stores it in a batch with one InfluxDB
 * write (and, once stored, feeds the {@link Recommender}). The method returns at once; the message
 * is acknowledged, and its offset so committable, only after the write of its batch succeeded.
 * Liberty's connector commits only offsets below which every message was acknowledged, and stops
 * polling at {@code unacked.limit} messages outstanding, so a store outage pauses consumption with
 * bounded memory and loses nothing.
 *
 * <p>A record that can never be stored (larger than {@code
 * setpoint.analytics.recorder.max-message-bytes}, not JSON, not the telemetry schema, implausible:
 * {@link TelemetryPlausibility}) goes to {@link Topics#TELEMETRY_DLQ} with the reason, and is
 * acknowledged once the broker has it: it neither blocks its partition nor disappears.
 */
@ApplicationScoped
public class TelemetryConsumer {
  private static final Logger LOG = Logger.getLogger(TelemetryConsumer.class.getName());

  private final TelemetryBatcher batcher;
  private final DeadLetterPublisher deadLetters;
  private final TelemetryPlausibility plausibility;
  private final int maxBytes;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final AtomicLong undecodable = new AtomicLong();
  private volatile boolean subscribed;

  @Inject
  public TelemetryConsumer(
      TelemetryBatcher batcher, DeadLetterPublisher deadLetters, RecorderConfig config) {
    this(
        batcher, deadLetters, new TelemetryPlausibility(Clock.systemUTC()), config.maxMessageBytes);
  }

  TelemetryConsumer(
      TelemetryBatcher batcher,
      DeadLetterPublisher deadLetters,
      TelemetryPlausibility plausibility,
      int maxBytes) {
    this.batcher = batcher;
    this.deadLetters = deadLetters;
    this.plausibility = plausibility;
    this.maxBytes = maxBytes;
  }

  /** For CDI's proxy only. */
  protected TelemetryConsumer() {
    this.batcher = null;
    this.deadLetters = null;
    this.plausibility = null;
    this.maxBytes = 0;
  }

  @Incoming(Channels.TELEMETRY_IN)
  public CompletionStage<Void> consume(Message<String> message) {
    TelemetryMessage decoded;
    try {
      decoded = decode(message);
    } catch (TelemetryFormatException e) {
      undecodable.incrementAndGet();
      LOG.log(Level.WARNING, "telemetry to the dead-letter topic: {0}", e.getMessage());
      return deadLetters.deadLetter(message, e.getMessage());
    }
    try {
      batcher.offer(decoded, message::ack);
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Not acknowledged: the offset stays uncommitted and the message is delivered again.
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The message in the record, checked.
   *
   * @throws TelemetryFormatException saying why the record can never be stored
   */
  TelemetryMessage decode(Message<String> message) {
    String payload = message.getPayload();
    if (payload == null) {
      throw new TelemetryFormatException("the record has no value");
    }
    int bytes = size(message, payload);
    if (bytes > maxBytes) {
      throw new TelemetryFormatException(
          "the record is " + bytes + " bytes, more than the " + maxBytes + " taken");
    }
    TelemetryMessage decoded = codec.decode(payload);
    Optional<String> problem = plausibility.problem(decoded);
    if (problem.isPresent()) {
      throw new TelemetryFormatException("implausible: " + problem.get());
    }
    return decoded;
  }

  /** The record's size as the broker had it, else the payload's length (chars, about bytes). */
  private static int size(Message<String> message, String payload) {
    ConsumerRecord<?, ?> record = DeadLetterPublisher.consumerRecord(message);
    return record != null && record.serializedValueSize() >= 0
        ? record.serializedValueSize()
        : payload.length();
  }

  /**
   * The application context is initialized only after Reactive Messaging validated and wired every
   * channel, so from here on this consumer is subscribed to {@link Channels#TELEMETRY_IN}.
   */
  void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    subscribed = true;
  }

  /** Whether the application finished starting with this consumer wired to its channel. */
  public boolean isSubscribed() {
    return subscribed;
  }

  /** Records sent to the dead-letter topic since start because they can never be stored. */
  public long undecodableCount() {
    return undecodable.get();
  }

  @PreDestroy
  void stop() {
    codec.close();
  }
}
