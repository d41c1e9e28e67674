package dev.setpoint.relay.application;

import dev.setpoint.relay.config.BacklogConfig;
import dev.setpoint.relay.domain.Backlog;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures the backlog once per interval, so that metrics scrapes and health probes read a recent
 * figure instead of each asking the edge buffer themselves: the events after the relay's cursor,
 * and when the oldest of them was stored, from three lookups by id (counter, cursor, the next
 * batch), whatever the backlog's size. A failed measurement keeps the last good one and is retried
 * next interval.
 */
@ApplicationScoped
public class BacklogMonitor {
  private static final Logger LOG = Logger.getLogger(BacklogMonitor.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final PendingEvents buffer;
  private final ForwardingLoop loop;
  private final long intervalMs;
  private volatile Backlog last = Backlog.EMPTY;
  private volatile long measuredAtMillis;
  private volatile ScheduledFuture<?> task;

  @Inject
  public BacklogMonitor(PendingEvents buffer, ForwardingLoop loop, BacklogConfig config) {
    this.buffer = buffer;
    this.loop = loop;
    this.intervalMs = config.interval.toMillis();
  }

  /** For CDI's proxy only. */
  protected BacklogMonitor() {
    this.buffer = null;
    this.loop = null;
    this.intervalMs = 0;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (task == null) {
      task = scheduler.scheduleWithFixedDelay(this::measure, 0, intervalMs, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> running = task;
    if (running != null) {
      running.cancel(false);
    }
  }

  /** Measures now, and keeps the figure. */
  public Backlog measure() {
    try {
      Backlog now = buffer.backlog();
      last = now;
      measuredAtMillis = System.currentTimeMillis();
      return now;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "could not measure the backlog; keeping the last figure", e);
      return last;
    }
  }

  /** The last measured backlog. */
  public Backlog last() {
    return last;
  }

  /** When {@link #last()} was measured, milliseconds since the epoch; 0 before the first. */
  public long measuredAtMillis() {
    return measuredAtMillis;
  }
}
