package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.kafka.KafkaRecordLoop;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link Topics#COMMANDS} into the {@link CommandConsumer} with contracts' {@link
 * KafkaRecordLoop} on a managed thread, from application start to stop (liberty-kafka's
 * {@code @Incoming} channels stopped for good after a commit met an unknown coordinator; see the
 * loop). Its settings: every Kafka consumer setting under {@code
 * mp.messaging.connector.liberty-kafka.} (the broker, TLS, SASL), then under {@code
 * setpoint.relay.commands.kafka.} (topic, group).
 */
@ApplicationScoped
public class CommandKafkaLoop {
  static final String PREFIX = "setpoint.relay.commands.kafka.";

  @Resource private ManagedThreadFactory threads;

  private final KafkaRecordLoop loop;

  @Inject
  public CommandKafkaLoop(CommandConsumer consumer, Config config) {
    this.loop =
        new KafkaRecordLoop(
            "commands",
            KafkaRecordLoop.settings(
                n -> config.getOptionalValue(n, String.class), PREFIX, "setpoint-relay-commands"),
            config.getOptionalValue(PREFIX + "topic", String.class).orElse(Topics.COMMANDS),
            KafkaRecordLoop.messages(consumer::consume));
  }

  /** For CDI's proxy only. */
  protected CommandKafkaLoop() {
    this.loop = null;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    loop.start(threads);
  }

  /** Whether the consumer has subscribed to the commands topic. */
  public boolean isSubscribed() {
    return loop.isSubscribed();
  }

  @PreDestroy
  void stop() {
    loop.stop();
  }
}
