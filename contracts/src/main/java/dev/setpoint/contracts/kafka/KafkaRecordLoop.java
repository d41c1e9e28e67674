package dev.setpoint.contracts.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads one topic with a plain Kafka consumer on one thread, hands each record to a {@link
 * Handler}, and commits an offset only once every record before it is done ({@link
 * CommitPositions}): at-least-once, nothing lost, whatever order the handler finishes in.
 *
 * <p>Why not Reactive Messaging's {@code @Incoming} with Liberty's connector: liberty-kafka wakes
 * its consumer to commit after acknowledgements, and when a wake-up is left pending while the group
 * coordinator is unknown (the broker away or restarting, a coordinator moving) it fires inside the
 * commit's wait for the coordinator; the connector takes that {@code WakeupException} for a fatal
 * error and the channel never polls again (FFDC, CWMRX1002E). It stopped analytics' telemetry after
 * a 30-second broker outage and its audit channel in a CI run with no outage at all. Here nothing
 * wakes the consumer but {@link #stop}: a commit the broker does not take is made again later; a
 * record the handler fails rewinds the consumer to the last commit after a pause (the records from
 * there are read again; every consumer here stores by id); any other failure closes the consumer
 * and opens a new one after a growing pause.
 */
public final class KafkaRecordLoop {
  private static final Logger LOG = Logger.getLogger(KafkaRecordLoop.class.getName());
  private static final String CONNECTOR = "mp.messaging.connector.liberty-kafka.";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final long COMMIT_EVERY_NANOS = 200_000_000L;
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  /** Takes one record; runs {@code done} once it is stored, or {@code failed} to have it again. */
  @FunctionalInterface
  public interface Handler {
    void handle(ConsumerRecord<String, String> record, Runnable done, Consumer<Throwable> failed)
        throws InterruptedException;
  }

  /**
   * A consumer written for Reactive Messaging: each record as a {@link Message} whose {@code ack}
   * marks it done; a stage that fails has it read again.
   */
  public static Handler messages(Function<Message<String>, CompletionStage<Void>> consumer) {
    return (record, done, failed) -> {
      CompletionStage<Void> handled;
      try {
        handled = consumer.apply(new RecordMessage(record, done));
      } catch (RuntimeException e) {
        failed.accept(e);
        return;
      }
      handled.whenComplete(
          (ok, failure) -> {
            if (failure != null) {
              failed.accept(failure);
            }
          });
    };
  }

  /**
   * A consumer's settings: every Kafka consumer setting under {@code
   * mp.messaging.connector.liberty-kafka.} (the broker, TLS and SASL, shared with the WAR's
   * channels), then under {@code ownPrefix} (topic, group, fetch sizes), as {@code config} finds
   * them (MicroProfile Config: environment variables too). Auto-commit is always off; keys and
   * values are strings.
   *
   * @param config a configuration lookup, name to value
   * @param ownPrefix e.g. {@code setpoint.analytics.telemetry.kafka.}
   * @param group the consumer group when the configuration names none
   */
  public static Properties settings(
      Function<String, Optional<String>> config, String ownPrefix, String group) {
    Properties settings = new Properties();
    for (String prefix : List.of(CONNECTOR, ownPrefix)) {
      for (String name : ConsumerConfig.configNames()) {
        config.apply(prefix + name).ifPresent(value -> settings.put(name, value));
      }
    }
    settings.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, group);
    settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "1800000");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return settings;
  }

  private final String name;
  private final Properties settings;
  private final String topic;
  private final Handler handler;
  private volatile boolean running = true;
  private volatile boolean subscribed;
  private volatile boolean rewind;
  private volatile KafkaConsumer<String, String> current;
  private volatile String lastFailure;
  private Thread thread;
  private long lastCommitNanos;
  private boolean commitFailing;

  /**
   * @param name what it reads, for the log and the thread
   * @param settings from {@link #settings}
   * @param topic the topic to read
   * @param handler what takes each record
   */
  public KafkaRecordLoop(String name, Properties settings, String topic, Handler handler) {
    this.name = name;
    this.settings = settings;
    this.topic = topic;
    this.handler = handler;
  }

  /** Starts the loop on a thread of {@code threads} (the server's managed thread factory). */
  public synchronized void start(ThreadFactory threads) {
    if (thread != null) {
      return;
    }
    thread = threads.newThread(this::run);
    thread.setName("setpoint-kafka-" + name);
    thread.start();
  }

  /** Whether the consumer has subscribed to its topic. */
  public boolean isSubscribed() {
    return subscribed;
  }

  /** The last failure that made the loop open a new consumer, or null. */
  public String lastFailure() {
    return lastFailure;
  }

  private void run() {
    Duration pause = FIRST_PAUSE;
    while (running) {
      rewind = false;
      try (KafkaConsumer<String, String> kafka =
          new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
        current = kafka;
        CommitPositions positions = new CommitPositions();
        kafka.subscribe(List.of(topic), rebalances(kafka, positions));
        subscribed = true;
        LOG.info(
            "consuming "
                + topic
                + " as group "
                + settings.get(ConsumerConfig.GROUP_ID_CONFIG)
                + " from "
                + settings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        while (running && !rewind) {
          commit(kafka, positions.due(), positions, false);
          for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
            handler.handle(
                record,
                positions.read(
                    new TopicPartition(record.topic(), record.partition()), record.offset()),
                this::failed);
            if (rewind) {
              break;
            }
          }
          pause = FIRST_PAUSE;
        }
        commit(kafka, positions.due(), positions, true);
        if (rewind && !sleep(pause)) {
          return;
        }
      } catch (WakeupException | InterruptException e) {
        if (running) {
          LOG.log(Level.WARNING, "the " + name + " consumer was interrupted; opening a new one", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        lastFailure = e.toString();
        LOG.log(
            Level.WARNING,
            "the "
                + name
                + " consumer failed; a new one reads again from the last commit in "
                + pause.toMillis()
                + " ms",
            e);
        if (!sleep(pause)) {
          return;
        }
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      } finally {
        current = null;
      }
    }
  }

  /** A record the handler could not take: read again from the last commit, after a pause. */
  private void failed(Throwable failure) {
    lastFailure = failure.toString();
    if (!rewind) {
      LOG.log(
          Level.WARNING,
          "a " + name + " record was not taken; reading again from the last commit: " + failure);
    }
    rewind = true;
  }

  /**
   * Commits the positions that moved, at most every 200 ms unless {@code now}; a commit the broker
   * does not take (it is away, the group is rebalancing) is made again on a later turn.
   */
  private void commit(
      KafkaConsumer<String, String> kafka,
      Map<TopicPartition, OffsetAndMetadata> due,
      CommitPositions positions,
      boolean now) {
    if (due.isEmpty() || (!now && System.nanoTime() - lastCommitNanos < COMMIT_EVERY_NANOS)) {
      return;
    }
    lastCommitNanos = System.nanoTime();
    try {
      kafka.commitSync(due, COMMIT_TIMEOUT);
      positions.committed(due);
      if (commitFailing) {
        LOG.info(name + " offsets are committed again");
        commitFailing = false;
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      if (!commitFailing) {
        LOG.log(
            Level.WARNING,
            "committing {0} offsets failed; they are committed again later: {1}",
            new Object[] {name, e.toString()});
        commitFailing = true;
      }
    }
  }

  private ConsumerRebalanceListener rebalances(
      KafkaConsumer<String, String> kafka, CommitPositions positions) {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        commit(kafka, positions.due(revoked), positions, true);
        positions.forget(revoked);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        LOG.fine(() -> name + " partitions assigned: " + assigned);
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> lost) {
        positions.forget(lost);
      }
    };
  }

  private boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the loop: wakes the consumer, interrupts the thread, waits up to 10 s for it. */
  public synchronized void stop() {
    running = false;
    KafkaConsumer<String, String> kafka = current;
    if (kafka != null) {
      kafka.wakeup();
    }
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
