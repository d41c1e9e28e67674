package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryBatcher;
import dev.setpoint.analytics.application.TelemetryPlausibility;
import dev.setpoint.analytics.config.RecorderConfig;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks and decodes each telemetry record the {@link KafkaLoops} read and hands the {@link
 * TelemetryMessage} to the {@link TelemetryBatcher}, which stores it in a batch with one InfluxDB
 * write (and, once stored, feeds the {@link Recommender}). It returns at once; the record is done,
 * and its offset so committable, only after the write of its batch succeeded. The batcher's queue
 * is bounded, so a store outage pauses consumption with bounded memory and loses nothing.
 *
 * <p>A record that can never be stored (larger than {@code
 * setpoint.analytics.recorder.max-message-bytes}, not JSON, not the telemetry schema, implausible:
 * {@link TelemetryPlausibility}) goes to {@link Topics#TELEMETRY_DLQ} with the reason, and is done
 * once the broker has it: it neither blocks its partition nor disappears.
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

  /**
   * Checks one record and passes it on; waits while the recorder's queue is full.
   *
   * @param onDone run once the record is stored, or its dead letter sent
   */
  public void consume(ConsumerRecord<String, String> record, Runnable onDone)
      throws InterruptedException {
    TelemetryMessage decoded;
    try {
      decoded = decode(record);
    } catch (TelemetryFormatException e) {
      undecodable.incrementAndGet();
      LOG.log(Level.WARNING, "telemetry to the dead-letter topic: {0}", e.getMessage());
      deadLetters.deadLetter(record, e.getMessage(), onDone);
      return;
    }
    batcher.offer(decoded, onDone);
  }

  /**
   * The message in the record, checked.
   *
   * @throws TelemetryFormatException saying why the record can never be stored
   */
  TelemetryMessage decode(ConsumerRecord<String, String> record) {
    String payload = record.value();
    if (payload == null) {
      throw new TelemetryFormatException("the record has no value");
    }
    // The record's size as the broker had it, else the payload's length (chars, about bytes).
    int bytes = record.serializedValueSize() >= 0 ? record.serializedValueSize() : payload.length();
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

  /** Records sent to the dead-letter topic since start because they can never be stored. */
  public long undecodableCount() {
    return undecodable.get();
  }

  @PreDestroy
  void stop() {
    codec.close();
  }
}
