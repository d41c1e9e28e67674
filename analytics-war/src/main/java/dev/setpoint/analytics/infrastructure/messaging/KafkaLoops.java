package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.contracts.kafka.KafkaRecordLoop;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Analytics' three Kafka consumers, each a {@link KafkaRecordLoop} on a managed thread from
 * application start to stop (liberty-kafka's {@code @Incoming} channels stopped for good after a
 * commit met an unknown coordinator; see the loop):
 *
 * <ul>
 *   <li>telemetry ({@link Topics#TELEMETRY}, {@code setpoint.analytics.telemetry.kafka.*}, group
 *       {@code setpoint-analytics}) into the {@link TelemetryConsumer};
 *   <li>the edge's alerts ({@link Topics#ALERTS}, {@code setpoint.analytics.alerts.kafka.*}) into
 *       the {@link EdgeAlertConsumer};
 *   <li>the edge's audit records ({@link Topics#AUDIT}, {@code setpoint.analytics.audit.kafka.*})
 *       into the {@link AuditConsumer}.
 * </ul>
 *
 * Each takes every Kafka consumer setting under {@code mp.messaging.connector.liberty-kafka.} (the
 * broker, TLS, SASL, shared with the outgoing channels), then under its own prefix.
 */
@ApplicationScoped
public class KafkaLoops {
  static final String TELEMETRY = "setpoint.analytics.telemetry.kafka.";
  static final String ALERTS = "setpoint.analytics.alerts.kafka.";
  static final String AUDIT = "setpoint.analytics.audit.kafka.";

  @Resource private ManagedThreadFactory threads;

  private final KafkaRecordLoop telemetry;
  private final List<KafkaRecordLoop> all;

  @Inject
  public KafkaLoops(
      TelemetryConsumer telemetryConsumer,
      EdgeAlertConsumer alertConsumer,
      AuditConsumer auditConsumer,
      Config config) {
    this.telemetry =
        loop(
            "telemetry",
            config,
            TELEMETRY,
            Topics.TELEMETRY,
            "setpoint-analytics",
            (record, done, failed) -> telemetryConsumer.consume(record, done));
    this.all =
        List.of(
            telemetry,
            loop(
                "alerts",
                config,
                ALERTS,
                Topics.ALERTS,
                "setpoint-analytics-alerts",
                KafkaRecordLoop.messages(alertConsumer::consume)),
            loop(
                "audit",
                config,
                AUDIT,
                Topics.AUDIT,
                "setpoint-analytics-audit",
                KafkaRecordLoop.messages(auditConsumer::consume)));
  }

  /** For CDI's proxy only. */
  protected KafkaLoops() {
    this.telemetry = null;
    this.all = null;
  }

  private static KafkaRecordLoop loop(
      String name,
      Config config,
      String prefix,
      String defaultTopic,
      String group,
      KafkaRecordLoop.Handler handler) {
    return new KafkaRecordLoop(
        name,
        KafkaRecordLoop.settings(n -> config.getOptionalValue(n, String.class), prefix, group),
        config.getOptionalValue(prefix + "topic", String.class).orElse(defaultTopic),
        handler);
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    all.forEach(loop -> loop.start(threads));
  }

  /** Whether the telemetry consumer has subscribed to its topic. */
  public boolean isSubscribed() {
    return telemetry.isSubscribed();
  }

  @PreDestroy
  void stop() {
    all.forEach(KafkaRecordLoop::stop);
  }
}
