package dev.setpoint.analytics.infrastructure.history;

import dev.setpoint.analytics.application.history.LateRollUps;
import dev.setpoint.analytics.config.HistoryConfig;
import dev.setpoint.analytics.domain.history.RollUpBackfill;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the application's one {@link LateRollUps} and runs its rounds on the managed scheduler,
 * every {@code setpoint.analytics.history.late-interval} (30 s) after the previous one ended.
 */
@ApplicationScoped
public class LateRollUpScheduler {
  private static final Logger LOG = Logger.getLogger(LateRollUpScheduler.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final LateRollUps late;
  private final long intervalMs;
  private ScheduledFuture<?> task;

  /**
   * @throws IllegalArgumentException when the interval is not positive or the quiet time is
   *     negative, which stops the deployment
   */
  @Inject
  public LateRollUpScheduler(RollUpBackfill backfill, HistoryConfig history) {
    if (history.lateInterval.toMillis() <= 0) {
      throw new IllegalArgumentException(
          "setpoint.analytics.history.late-interval must be at least 1 ms, not "
              + history.lateInterval);
    }
    this.late =
        new LateRollUps(backfill, history.rollupRetention, history.lateQuiet, Clock.systemUTC());
    this.intervalMs = history.lateInterval.toMillis();
  }

  /** For CDI's proxy only. */
  protected LateRollUpScheduler() {
    this.late = null;
    this.intervalMs = 0;
  }

  @Produces
  LateRollUps lateRollUps() {
    return late;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (task != null) {
      return;
    }
    task =
        scheduler.scheduleWithFixedDelay(
            this::round, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  private void round() {
    try {
      int hours = late.round();
      if (hours > 0) {
        LOG.info(
            () -> "rolled up " + hours + " late hours; " + late.pendingHours() + " still to do");
      }
    } catch (RuntimeException e) {
      // A periodic task that throws never runs again.
      LOG.log(Level.WARNING, "the late roll-up round failed; trying again next round", e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}
