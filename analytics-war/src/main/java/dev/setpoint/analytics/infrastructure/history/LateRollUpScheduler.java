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
 * every 30 s after the previous one ended.
 */
@ApplicationScoped
public class LateRollUpScheduler {
  private static final Logger LOG = Logger.getLogger(LateRollUpScheduler.class.getName());
  private static final long INTERVAL_MS = 30_000;

  @Resource private ManagedScheduledExecutorService scheduler;

  private final LateRollUps late;
  private ScheduledFuture<?> task;

  @Inject
  public LateRollUpScheduler(RollUpBackfill backfill, HistoryConfig history) {
    this.late = new LateRollUps(backfill, history.rollupRetention, Clock.systemUTC());
  }

  /** For CDI's proxy only. */
  protected LateRollUpScheduler() {
    this.late = null;
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
            this::round, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
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
