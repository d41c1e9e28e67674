package dev.setpoint.relay.application;

import dev.setpoint.relay.config.ForwardingConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link ForwardingService} on the server's managed scheduler from application start to stop:
 * a round right after the previous one when it found a full batch (draining a backlog), otherwise
 * after the poll interval; and {@link RetentionPolicy} after each round. It owns only the timing.
 */
@ApplicationScoped
public class ForwardingLoop {
  private static final Logger LOG = Logger.getLogger(ForwardingLoop.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final ForwardingService service;
  private final RetentionPolicy retention;
  private final long pollIntervalMs;
  private final int batchSize;
  private final long ackTimeoutMs;
  private final long maxBackoffMs;
  private long failureDelayMs;
  private volatile long lastRoundEndedNanos = System.nanoTime();
  private volatile boolean started;
  private volatile ScheduledFuture<?> next;
  private volatile boolean stopped;

  @Inject
  public ForwardingLoop(
      ForwardingService service, RetentionPolicy retention, ForwardingConfig config) {
    this.service = service;
    this.retention = retention;
    this.pollIntervalMs = config.pollInterval.toMillis();
    this.batchSize = config.batchSize;
    this.ackTimeoutMs = config.ackTimeout.toMillis();
    this.maxBackoffMs = config.maxBackoff.toMillis();
  }

  /** For CDI's proxy only. */
  protected ForwardingLoop() {
    this.service = null;
    this.retention = null;
    this.pollIntervalMs = 0;
    this.batchSize = 0;
    this.ackTimeoutMs = 0;
    this.maxBackoffMs = 0;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (started) {
      return; // one loop per application, whatever the container fires
    }
    LOG.info(
        "forwarding the edge buffer's log every "
            + pollIntervalMs
            + " ms, in batches of "
            + batchSize);
    started = true;
    schedule(pollIntervalMs);
  }

  /** Whether the loop has been scheduled. */
  public boolean isStarted() {
    return started;
  }

  /**
   * Whether a round ended recently enough: a round takes at most the ack timeout plus the buffer's
   * timeouts, so three ack timeouts without one means the loop is wedged.
   */
  public boolean isProgressing() {
    long limitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(60_000, 3 * ackTimeoutMs));
    return System.nanoTime() - lastRoundEndedNanos < limitNanos;
  }

  /**
   * When the oldest batch still to forward was stored, as the last round read it; empty when none.
   */
  public OptionalLong oldestReceivedAt() {
    return service.oldestReceivedAt();
  }

  /** Events forwarded since start. */
  public long forwardedCount() {
    return service.forwardedTotal();
  }

  /** Gaps in the log's sequence passed over since start. */
  public long skippedGapsCount() {
    return service.skippedGapsTotal();
  }

  private void schedule(long delayMs) {
    if (!stopped) {
      next = scheduler.schedule(this::round, delayMs, TimeUnit.MILLISECONDS);
    }
  }

  private void round() {
    long delay;
    try {
      int count = service.forwardOnce();
      if (service.lastRoundFailed()) {
        // The broker did not take everything: wait longer each time, up to the bound.
        failureDelayMs = nextFailureDelay(failureDelayMs);
        delay = failureDelayMs;
      } else {
        failureDelayMs = 0;
        delay = count >= batchSize ? 0 : pollIntervalMs;
      }
      retention.purgeIfDue(System.currentTimeMillis());
    } catch (RuntimeException e) {
      // The buffer is unreachable: nothing was lost, try again after a growing pause.
      failureDelayMs = nextFailureDelay(failureDelayMs);
      delay = failureDelayMs;
      LOG.log(Level.WARNING, "forwarding round failed; retrying in " + delay + " ms", e);
    }
    lastRoundEndedNanos = System.nanoTime();
    schedule(delay);
  }

  /** Doubles from the poll interval up to {@code setpoint.relay.forwarding.max-backoff}. */
  private long nextFailureDelay(long previous) {
    return previous == 0 ? pollIntervalMs : Math.min(previous * 2, maxBackoffMs);
  }

  @PreDestroy
  void stop() {
    stopped = true;
    ScheduledFuture<?> pending = next;
    if (pending != null) {
      pending.cancel(false);
    }
  }
}
