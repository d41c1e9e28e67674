package dev.setpoint.relay.application;

import dev.setpoint.relay.config.ForwardingConfig;
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
 * Runs {@link OutboxForwarder} on the server's managed scheduler from application start to stop,
 * with the telemetry forwarder's settings ({@code setpoint.relay.forwarding.*}) but on a schedule
 * of its own, so neither waits for the other: the next round right away after a full batch,
 * otherwise after the poll interval; after a round the broker did not fully acknowledge, or that
 * could not read the outbox, a pause that doubles up to the maximum backoff.
 */
@ApplicationScoped
public class OutboxLoop {
  private static final Logger LOG = Logger.getLogger(OutboxLoop.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final OutboxForwarder forwarder;
  private final long pollIntervalMs;
  private final int batchSize;
  private final long ackTimeoutMs;
  private final long maxBackoffMs;
  private long failureDelayMs;
  private volatile long lastRoundEndedNanos = System.nanoTime();
  private volatile boolean started;
  private volatile boolean stopped;
  private volatile ScheduledFuture<?> next;

  @Inject
  public OutboxLoop(OutboxForwarder forwarder, ForwardingConfig config) {
    this.forwarder = forwarder;
    this.pollIntervalMs = config.pollInterval.toMillis();
    this.batchSize = config.batchSize;
    this.ackTimeoutMs = config.ackTimeout.toMillis();
    this.maxBackoffMs = config.maxBackoff.toMillis();
  }

  /** For CDI's proxy only. */
  protected OutboxLoop() {
    this.forwarder = null;
    this.pollIntervalMs = 0;
    this.batchSize = 0;
    this.ackTimeoutMs = 0;
    this.maxBackoffMs = 0;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (started) {
      return;
    }
    LOG.info("forwarding the edge outbox every " + pollIntervalMs + " ms");
    started = true;
    schedule(pollIntervalMs);
  }

  /** Whether a round ended recently enough (see {@link ForwardingLoop#isProgressing()}). */
  public boolean isProgressing() {
    long limitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(60_000, 3 * ackTimeoutMs));
    return System.nanoTime() - lastRoundEndedNanos < limitNanos;
  }

  private void schedule(long delayMs) {
    if (!stopped) {
      next = scheduler.schedule(this::round, delayMs, TimeUnit.MILLISECONDS);
    }
  }

  private void round() {
    long delay;
    try {
      int count = forwarder.forwardOnce();
      if (forwarder.lastRoundFailed()) {
        failureDelayMs = nextFailureDelay(failureDelayMs);
        delay = failureDelayMs;
      } else {
        failureDelayMs = 0;
        delay = count >= batchSize ? 0 : pollIntervalMs;
      }
    } catch (RuntimeException e) {
      failureDelayMs = nextFailureDelay(failureDelayMs);
      delay = failureDelayMs;
      LOG.log(Level.WARNING, "outbox round failed; retrying in " + delay + " ms", e);
    }
    lastRoundEndedNanos = System.nanoTime();
    schedule(delay);
  }

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
