package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link Topics#TELEMETRY} with a plain Kafka consumer on one managed thread, hands each
 * record to the {@link TelemetryConsumer}, and commits an offset only once every record before it
 * is stored or dead-lettered ({@link CommitPositions}).
 *
 * <p>Why not Reactive Messaging's {@code @Incoming} with Liberty's connector, as the other channels
 * do: the recorder acknowledges a batch of thousands of messages at once from its own thread, and
 * liberty-kafka answers each acknowledgement by waking its consumer to commit. With the broker down
 * a wake-up left pending fires inside the commit's wait for the group coordinator, the connector
 * takes that {@code WakeupException} for a fatal error, and the channel stops for good: after a
 * 30-second broker outage analytics stored nothing more until it was restarted (FaultToleranceIT
 * caught it). Here nothing wakes the consumer but shutdown; a commit that fails while the broker is
 * away is simply made again later, and any other failure closes the consumer and opens a new one
 * after a pause, reading again from the last commit. A plain consumer also hands over whole polls
 * (up to {@code max.poll.records}) instead of one message at a time through reactive streams.
 *
 * <p>Its settings: every Kafka consumer setting under {@code mp.messaging.connector.liberty-kafka.}
 * (the broker, TLS, SASL, shared with the channels), then under {@code
 * setpoint.analytics.telemetry.kafka.} (topic, group, fetch sizes), each also as an environment
 * variable ({@code SETPOINT_ANALYTICS_TELEMETRY_KAFKA_GROUP_ID}); auto-commit is always off. Not
 * {@code mp.messaging.incoming.*}: Reactive Messaging takes any key there for a channel of its own.
 */
@ApplicationScoped
public class TelemetryKafkaLoop {
  private static final Logger LOG = Logger.getLogger(TelemetryKafkaLoop.class.getName());
  private static final String CONNECTOR = "mp.messaging.connector.liberty-kafka.";
  private static final String OWN = "setpoint.analytics.telemetry.kafka.";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final long COMMIT_EVERY_NANOS = 200_000_000L;
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  @Resource private ManagedThreadFactory threads;

  private final TelemetryConsumer consumer;
  private final Properties settings;
  private final String topic;
  private volatile boolean running = true;
  private volatile boolean subscribed;
  private volatile KafkaConsumer<String, String> current;
  private volatile String lastFailure;
  private Thread thread;
  private long lastCommitNanos;
  private boolean commitFailing;

  @Inject
  public TelemetryKafkaLoop(TelemetryConsumer consumer, Config config) {
    this.consumer = consumer;
    this.settings = settings(config);
    this.topic = config.getOptionalValue(OWN + "topic", String.class).orElse(Topics.TELEMETRY);
  }

  /** For CDI's proxy only. */
  protected TelemetryKafkaLoop() {
    this.consumer = null;
    this.settings = null;
    this.topic = null;
  }

  /** The consumer's settings from the connector's keys and analytics' own. */
  static Properties settings(Config config) {
    Properties settings = new Properties();
    for (String prefix : List.of(CONNECTOR, OWN)) {
      for (String name : ConsumerConfig.configNames()) {
        config
            .getOptionalValue(prefix + name, String.class)
            .ifPresent(value -> settings.put(name, value));
      }
    }
    settings.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "setpoint-analytics");
    settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return settings;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (thread != null) {
      return;
    }
    thread = threads.newThread(this::run);
    thread.setName("setpoint-telemetry-consumer");
    thread.start();
  }

  /** Whether the consumer has subscribed to the topic (the application finished starting). */
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
        while (running) {
          commit(kafka, positions.due(), positions, false);
          for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
            consumer.consume(
                record,
                positions.read(
                    new TopicPartition(record.topic(), record.partition()), record.offset()));
          }
          pause = FIRST_PAUSE;
        }
        commit(kafka, positions.due(), positions, true);
      } catch (WakeupException | InterruptException e) {
        if (running) {
          LOG.log(Level.WARNING, "the telemetry consumer was interrupted; opening a new one", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        lastFailure = e.toString();
        LOG.log(
            Level.WARNING,
            "the telemetry consumer failed; a new one reads again from the last commit in "
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
        LOG.info("telemetry offsets are committed again");
        commitFailing = false;
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      if (!commitFailing) {
        LOG.log(
            Level.WARNING,
            "committing telemetry offsets failed; they are committed again later: {0}",
            e.toString());
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
        LOG.fine(() -> "telemetry partitions assigned: " + assigned);
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

  @PreDestroy
  synchronized void stop() {
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
