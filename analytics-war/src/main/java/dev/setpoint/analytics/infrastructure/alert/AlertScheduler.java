package dev.setpoint.analytics.infrastructure.alert;

import dev.setpoint.analytics.application.alert.AlertRulesBook;
import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.energy.EnergyRollupService;
import dev.setpoint.analytics.config.AlertConfig;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.analytics.infrastructure.Guarded;
import dev.setpoint.analytics.infrastructure.health.ConsumerLagReadinessCheck;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.Readiness;

/**
 * The alerts' schedule on the managed scheduler: every {@code setpoint.analytics.alerts.tick} the
 * consumer lag is asked of Kafka, the model's state and the meters' recent anomalies are judged and
 * the alert service's round runs (silent devices, reminders, records the store did not take); every
 * {@code refresh-interval} the rules' overrides are read again.
 */
@ApplicationScoped
public class AlertScheduler {
  @Resource private ManagedScheduledExecutorService scheduler;

  private final AlertService alerts;
  private final AlertRulesBook rules;
  private final EnergyRollupService energy;
  private final SetpointModel model;
  private final ConsumerLagReadinessCheck lag;
  private final AlertConfig config;
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  @Inject
  public AlertScheduler(
      AlertService alerts,
      AlertRulesBook rules,
      EnergyRollupService energy,
      SetpointModel model,
      @Readiness ConsumerLagReadinessCheck lag,
      AlertConfig config) {
    this.alerts = alerts;
    this.rules = rules;
    this.energy = energy;
    this.model = model;
    this.lag = lag;
    this.config = config;
  }

  /** For CDI's proxy only. */
  protected AlertScheduler() {
    this.alerts = null;
    this.rules = null;
    this.energy = null;
    this.model = null;
    this.lag = null;
    this.config = null;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!tasks.isEmpty()) {
      return;
    }
    long refresh = config.refreshInterval.toMillis();
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () -> Guarded.run("reading the alert rules", rules::refresh),
            0,
            refresh,
            TimeUnit.MILLISECONDS));
    long tick = config.tick.toMillis();
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () ->
                Guarded.run(
                    "the alerts' round",
                    () -> {
                      // read each round: the round judges device silences only while analytics
                      // is not behind the topic
                      askTheConsumerLag();
                      alerts.model(model.info().isPresent(), model.lastError().orElse(null));
                      alerts.meterAnomalies(
                          energy.recentAnomalies(
                              java.time.Instant.now().minus(config.meterAnomalyHold)));
                      alerts.tick();
                    }),
            tick,
            tick,
            TimeUnit.MILLISECONDS));
  }

  private void askTheConsumerLag() {
    try {
      alerts.consumerLag(lag.lag());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Kafka not answering is the readiness check's to say; no lag is judged (the last stands)
    }
  }

  @PreDestroy
  synchronized void stop() {
    tasks.forEach(t -> t.cancel(false));
    tasks.clear();
  }
}
