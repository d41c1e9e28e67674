package dev.setpoint.analytics.infrastructure.energy;

import dev.setpoint.analytics.application.energy.EnergyRollupService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The energy roll-up's schedule on the managed scheduler: a round at start and then every {@code
 * setpoint.analytics.energy.rollup-interval} after the previous one ended (so rounds never
 * overlap). Until one round has succeeded, each reads back the start-up lookback (48 hours), so the
 * hours a restart or an InfluxDB outage missed are caught up.
 */
@ApplicationScoped
public class EnergyScheduler {
  private static final Logger LOG = Logger.getLogger(EnergyScheduler.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final EnergyRollupService rollup;
  private ScheduledFuture<?> task;
  private volatile boolean caughtUp;

  @Inject
  public EnergyScheduler(EnergyRollupService rollup) {
    this.rollup = rollup;
  }

  /** For CDI's proxy only. */
  protected EnergyScheduler() {
    this.rollup = null;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (task != null) {
      return;
    }
    long interval = rollup.settings().rollupInterval().toMillis();
    task = scheduler.scheduleWithFixedDelay(this::round, 0, interval, TimeUnit.MILLISECONDS);
  }

  private void round() {
    Duration lookback =
        caughtUp ? rollup.settings().lookback() : rollup.settings().startupLookback();
    try {
      int meters = rollup.rollUp(lookback);
      if (!caughtUp) {
        LOG.info("energy roll-up caught up " + meters + " meters over the last " + lookback);
      }
      caughtUp = true;
    } catch (RuntimeException e) {
      // A failed round must not cancel the schedule (a periodic task that throws never runs again).
      LOG.log(Level.WARNING, "the energy roll-up failed; the next round reads " + lookback, e);
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
