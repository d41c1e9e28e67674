package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.DeadLetters;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends the telemetry records analytics can never store to {@link Topics.COMMANDS_DLQ} (channel
 * {@link Channels#COMMANDS_DLQ_OUT}): same key, same value, and the {@link DeadLetters} headers
 * with the reason and the record's topic, partition and offset. The original is acknowledged only
 * once the broker has the dead letter, so a record is never dropped on the way: while the broker
 * refuses it, the send is tried again with growing pauses (up to 30 s) and the original's offset
 * stays uncommitted. The records behind it on its partition are not held up; only the committed
 * offset waits.
 */
@ApplicationScoped
public class DeadLetterPublisher {
  private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final Emitter<ProducerRecord<String, String>> emitter;
  private final String topic;
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;

  @Inject
  public DeadLetterPublisher(
      @Channel(Channels.COMMANDS_DLQ_OUT)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          Emitter<ProducerRecord<String, String>> emitter,
      @ConfigProperty(
              name = "mp.messaging.outgoing." + Channels.COMMANDS_DLQ_OUT + ".topic",
              defaultValue = Topics.COMMANDS_DLQ)
          String topic) {
    this.emitter = emitter;
    this.topic = topic;
  }

  /** For CDI's proxy only. */
  protected DeadLetterPublisher() {
    this.emitter = null;
    this.topic = null;
  }

  /**
   * Sends the message's record to the dead-letter topic, then acknowledges the message.
   *
   * @return completes once the message is acknowledged
   */
  public CompletionStage<Void> deadLetter(Message<String> message, String reason) {
    ProducerRecord<String, String> record = record(topic, message, reason);
    CompletableFuture<Void> done = new CompletableFuture<>();
    attempt(record, message, done, FIRST_RETRY);
    return done;
  }

  private void attempt(
      ProducerRecord<String, String> record,
      Message<String> message,
      CompletableFuture<Void> done,
      Duration wait) {
    CompletionStage<Void> send;
    try {
      send = emitter.send(record);
    } catch (RuntimeException e) {
      send = CompletableFuture.failedFuture(e);
    }
    send.whenComplete(
        (ok, failure) -> {
          if (failure == null) {
            sent.incrementAndGet();
            message.ack().whenComplete((a, f) -> done.complete(null));
            return;
          }
          if (!running) {
            // Not acknowledged: the record is delivered again after the restart.
            done.completeExceptionally(failure);
            return;
          }
          LOG.log(
              Level.WARNING,
              "the dead-letter topic {0} refused a record; retrying in {1} ms: {2}",
              new Object[] {topic, wait.toMillis(), failure.toString()});
          Duration next =
              wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
          CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
              .execute(() -> attempt(record, message, done, next));
        });
  }

  /**
   * The dead letter of a consumed message: its record's key and value under the dead-letter topic,
   * with the reason and where it was read (unknown when the message is not a Kafka record's).
   */
  static ProducerRecord<String, String> record(
      String deadLetterTopic, Message<String> message, String reason) {
    List<Header> headers = new ArrayList<>(4);
    headers.add(header(DeadLetters.REASON, DeadLetters.reason(reason)));
    String key = null;
    ConsumerRecord<?, ?> original = consumerRecord(message);
    if (original != null) {
      key = original.key() == null ? null : String.valueOf(original.key());
      headers.add(header(DeadLetters.TOPIC, original.topic()));
      headers.add(header(DeadLetters.PARTITION, Integer.toString(original.partition())));
      headers.add(header(DeadLetters.OFFSET, Long.toString(original.offset())));
    }
    return new ProducerRecord<>(deadLetterTopic, null, key, message.getPayload(), headers);
  }

  /** The Kafka record under a message from liberty-kafka, or null for any other message. */
  static ConsumerRecord<?, ?> consumerRecord(Message<?> message) {
    try {
      return message.unwrap(ConsumerRecord.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Records sent to the dead-letter topic since start. */
  public long sentCount() {
    return sent.get();
  }

  @PreDestroy
  void stop() {
    running = false;
  }
}
