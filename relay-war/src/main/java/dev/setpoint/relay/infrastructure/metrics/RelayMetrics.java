package dev.setpoint.relay.infrastructure.metrics;

import dev.setpoint.relay.application.BacklogMonitor;
import dev.setpoint.relay.application.CommandIntake;
import dev.setpoint.relay.application.ForwardingLoop;
import dev.setpoint.relay.application.LocalAlertDelivery;
import dev.setpoint.relay.application.OutboxForwarder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The relay's figures on {@code /metrics} (Prometheus format, application scope): the backlog, how
 * long its oldest event has waited, how many events were forwarded and how many commands stored,
 * refused or skipped since start; the outbox's forwarded messages and how long its oldest waits;
 * the edge alerts delivered to the LAN webhook, and the attempts that failed. Registered as gauges
 * over the beans that keep the figures, when the application starts.
 */
@ApplicationScoped
public class RelayMetrics {
  static final String BACKLOG = "setpoint.relay.backlog";
  static final String OLDEST_AGE = "setpoint.relay.oldest.pending.age";
  static final String FORWARDED = "setpoint.relay.forwarded";
  static final String SKIPPED_GAPS = "setpoint.relay.log.gaps.skipped";
  static final String COMMANDS = "setpoint.relay.commands";
  static final String OUTBOX_FORWARDED = "setpoint.relay.outbox.forwarded";
  static final String OUTBOX_OLDEST_AGE = "setpoint.relay.outbox.oldest.age";
  static final String LOCAL_ALERTS = "setpoint.relay.alerts.local";

  private final MetricRegistry registry;
  private final BacklogMonitor backlog;
  private final ForwardingLoop loop;
  private final CommandIntake commands;
  private final OutboxForwarder outbox;
  private final LocalAlertDelivery localAlerts;

  @Inject
  public RelayMetrics(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
      BacklogMonitor backlog,
      ForwardingLoop loop,
      CommandIntake commands,
      OutboxForwarder outbox,
      LocalAlertDelivery localAlerts) {
    this.registry = registry;
    this.backlog = backlog;
    this.loop = loop;
    this.commands = commands;
    this.outbox = outbox;
    this.localAlerts = localAlerts;
  }

  /** For CDI's proxy only. */
  protected RelayMetrics() {
    this.registry = null;
    this.backlog = null;
    this.loop = null;
    this.commands = null;
    this.outbox = null;
    this.localAlerts = null;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(
        Metadata.builder()
            .withName(BACKLOG)
            .withDescription(
                "Events in the edge buffer still to forward (after the relay's cursor), as last measured")
            .withUnit(MetricUnits.NONE)
            .build(),
        backlog,
        b -> b.last().pending());
    registry.gauge(
        Metadata.builder()
            .withName(OLDEST_AGE)
            .withDescription(
                "How long the oldest batch still to forward has waited since ingest stored it")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        backlog,
        b -> b.last().oldestAgeMillis(System.currentTimeMillis()) / 1000.0);
    registry.gauge(
        Metadata.builder()
            .withName(FORWARDED)
            .withDescription(
                "Events forwarded (acknowledged by the broker, passed by the cursor) since start")
            .withUnit(MetricUnits.NONE)
            .build(),
        loop,
        ForwardingLoop::forwardedCount);
    registry.gauge(
        Metadata.builder()
            .withName(SKIPPED_GAPS)
            .withDescription(
                "Sequence numbers of the edge buffer's log passed over as gaps (batch writes that"
                    + " failed) since the relay started")
            .withUnit(MetricUnits.NONE)
            .build(),
        loop,
        ForwardingLoop::skippedGapsCount);
    registry.gauge(
        Metadata.builder()
            .withName(OUTBOX_FORWARDED)
            .withDescription("Outbox messages (audit records, edge alerts) forwarded since start")
            .withUnit(MetricUnits.NONE)
            .build(),
        outbox,
        OutboxForwarder::forwardedTotal);
    registry.gauge(
        Metadata.builder()
            .withName(OUTBOX_OLDEST_AGE)
            .withDescription("How long the oldest outbox message waits, as the last round read it")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        outbox,
        o -> {
          long oldest = o.oldestCreatedAt().orElse(System.currentTimeMillis());
          return Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
        });
    registry.gauge(
        Metadata.builder()
            .withName(LOCAL_ALERTS + ".delivered")
            .withDescription("Edge alert changes delivered to the LAN webhook since start")
            .withUnit(MetricUnits.NONE)
            .build(),
        localAlerts,
        LocalAlertDelivery::deliveredCount);
    registry.gauge(
        Metadata.builder()
            .withName(LOCAL_ALERTS + ".failed")
            .withDescription("Attempts the LAN webhook did not take since start (each retried)")
            .withUnit(MetricUnits.NONE)
            .build(),
        localAlerts,
        LocalAlertDelivery::failedCount);
    commandGauge(
        "stored", "Commands stored as a device's latest since start", c -> c.storedCount());
    commandGauge(
        "refused",
        "Commands refused since start (malformed, or not fitting the profile)",
        c -> c.refusedCount());
    commandGauge(
        "skipped",
        "Commands for devices not registered at this hub since start",
        c -> c.skippedCount());
    commandGauge(
        "held",
        "Commands not stored since start because an operator holds the value",
        c -> c.heldCount());
  }

  private void commandGauge(
      String outcome, String description, ToDoubleFunction<CommandIntake> figure) {
    registry.gauge(
        Metadata.builder()
            .withName(COMMANDS + "." + outcome)
            .withDescription(description)
            .withUnit(MetricUnits.NONE)
            .build(),
        commands,
        figure::applyAsDouble);
  }
}
