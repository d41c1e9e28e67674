package dev.setpoint.contracts.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a consumed record that can never be processed to a dead-letter topic: same key, same value,
 * and the {@link DeadLetters} headers with the reason and the record's topic, partition and offset.
 * The original is acknowledged only once the broker has the dead letter, so a record is never
 * dropped on the way: while the broker refuses it, the send is tried again with growing pauses (up
 * to 30 s) and the original's offset stays uncommitted. The records behind it on its partition are
 * not held up; only the committed offset waits.
 *
 * <p>One sender for every WAR that consumes from Kafka (analytics' telemetry, read by a plain
 * consumer, and the relay's commands, read through Reactive Messaging); each WAR's CDI bean only
 * names its channel and topic.
 */
public class DeadLetterSender {
  private static final Logger LOG = Logger.getLogger(DeadLetterSender.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final Emitter<ProducerRecord<String, String>> emitter;
  private final String topic;
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;

  /**
   * @param emitter the WAR's outgoing dead-letter channel
   * @param topic the dead-letter topic
   */
  protected DeadLetterSender(Emitter<ProducerRecord<String, String>> emitter, String topic) {
    this.emitter = emitter;
    this.topic = topic;
  }

  /**
   * Sends the message's record to the dead-letter topic, then acknowledges the message.
   *
   * @return completes once the message is acknowledged
   */
  public CompletionStage<Void> deadLetter(Message<String> message, String reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    attempt(record(topic, message, reason), message::ack, done, FIRST_RETRY);
    return done;
  }

  /**
   * Sends a record read by a plain Kafka consumer to the dead-letter topic, then runs {@code
   * onSent} (which makes the record's offset committable).
   *
   * @return completes once {@code onSent} ran
   */
  public CompletionStage<Void> deadLetter(
      ConsumerRecord<String, String> original, String reason, Runnable onSent) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    attempt(
        record(topic, original, original.value(), reason),
        () -> {
          onSent.run();
          return CompletableFuture.completedFuture(null);
        },
        done,
        FIRST_RETRY);
    return done;
  }

  private void attempt(
      ProducerRecord<String, String> record,
      Supplier<CompletionStage<Void>> acknowledge,
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
            acknowledge.get().whenComplete((a, f) -> done.complete(null));
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
              .execute(() -> attempt(record, acknowledge, done, next));
        });
  }

  /**
   * The dead letter of a consumed message: its record's key and value under the dead-letter topic,
   * with the reason and where it was read (unknown when the message is not a Kafka record's).
   */
  public static ProducerRecord<String, String> record(
      String deadLetterTopic, Message<String> message, String reason) {
    return record(deadLetterTopic, consumerRecord(message), message.getPayload(), reason);
  }

  private static ProducerRecord<String, String> record(
      String deadLetterTopic, ConsumerRecord<?, ?> original, String value, String reason) {
    List<Header> headers = new ArrayList<>(4);
    headers.add(header(DeadLetters.REASON, DeadLetters.reason(reason)));
    String key = null;
    if (original != null) {
      key = original.key() == null ? null : String.valueOf(original.key());
      headers.add(header(DeadLetters.TOPIC, original.topic()));
      headers.add(header(DeadLetters.PARTITION, Integer.toString(original.partition())));
      headers.add(header(DeadLetters.OFFSET, Long.toString(original.offset())));
    }
    return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
  }

  /** The Kafka record under a message from liberty-kafka, or null for any other message. */
  public static ConsumerRecord<?, ?> consumerRecord(Message<?> message) {
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

  /** Stops retrying: a record still refused stays unacknowledged and is delivered again later. */
  protected void stop() {
    running = false;
  }
}
