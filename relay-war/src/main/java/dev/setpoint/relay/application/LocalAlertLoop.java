package dev.setpoint.relay.application;

import dev.setpoint.relay.config.EdgeAlertsConfig;
import dev.setpoint.relay.config.ForwardingConfig;
import dev.setpoint.relay.domain.LocalDeliveries;
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
 * Runs {@link LocalAlertDelivery} on the server's managed scheduler, on a schedule of its own: a
 * round every poll interval (a round while the link is up costs nothing), and after a delivery the
 * webhook did not take, or an outbox that did not answer, a pause that doubles from {@code
 * setpoint.relay.alerts.retry-initial} up to {@code retry-max}. Once an hour it forgets deliveries
 * older than the retention. Only when a webhook is configured.
 */
@ApplicationScoped
public class LocalAlertLoop {
  private static final Logger LOG = Logger.getLogger(LocalAlertLoop.class.getName());
  private static final long PURGE_EVERY_MS = TimeUnit.HOURS.toMillis(1);

  @Resource private ManagedScheduledExecutorService scheduler;

  private final LocalAlertDelivery delivery;
  private final LocalDeliveries deliveries;
  private final boolean configured;
  private final long pollIntervalMs;
  private final long retryInitialMs;
  private final long retryMaxMs;
  private final long retentionMs;
  private long failureDelayMs;
  private long lastPurgeMs;
  private volatile boolean started;
  private volatile boolean stopped;
  private volatile ScheduledFuture<?> next;

  @Inject
  public LocalAlertLoop(
      LocalAlertDelivery delivery,
      LocalDeliveries deliveries,
      EdgeAlertsConfig alerts,
      ForwardingConfig forwarding) {
    this.delivery = delivery;
    this.deliveries = deliveries;
    this.configured = alerts.webhookUrl.isPresent();
    this.pollIntervalMs = forwarding.pollInterval.toMillis();
    this.retryInitialMs = alerts.retryInitial.toMillis();
    this.retryMaxMs = Math.max(alerts.retryMax.toMillis(), retryInitialMs);
    this.retentionMs = alerts.deliveryRetention.toMillis();
  }

  /** For CDI's proxy only. */
  protected LocalAlertLoop() {
    this.delivery = null;
    this.deliveries = null;
    this.configured = false;
    this.pollIntervalMs = 0;
    this.retryInitialMs = 0;
    this.retryMaxMs = 0;
    this.retentionMs = 0;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (started || !configured) {
      return;
    }
    LOG.info("critical edge alerts go to the LAN webhook while the cloud cannot be reached");
    started = true;
    schedule(pollIntervalMs);
  }

  private void schedule(long delayMs) {
    if (!stopped) {
      next = scheduler.schedule(this::round, delayMs, TimeUnit.MILLISECONDS);
    }
  }

  private void round() {
    long delay;
    try {
      delivery.deliverOnce();
      if (delivery.lastRoundFailed()) {
        failureDelayMs = nextFailureDelay(failureDelayMs);
        delay = failureDelayMs;
      } else {
        failureDelayMs = 0;
        delay = pollIntervalMs;
      }
      long now = System.currentTimeMillis();
      if (now - lastPurgeMs > PURGE_EVERY_MS) {
        deliveries.purge(now - retentionMs);
        lastPurgeMs = now;
      }
    } catch (RuntimeException e) {
      failureDelayMs = nextFailureDelay(failureDelayMs);
      delay = failureDelayMs;
      LOG.log(Level.WARNING, "LAN alert round failed; retrying in " + delay + " ms", e);
    }
    schedule(delay);
  }

  private long nextFailureDelay(long previous) {
    return previous == 0 ? retryInitialMs : Math.min(previous * 2, retryMaxMs);
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
