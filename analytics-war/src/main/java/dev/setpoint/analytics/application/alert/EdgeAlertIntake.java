package dev.setpoint.analytics.application.alert;

import dev.setpoint.analytics.application.TelemetryRecorder.Pause;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.alert.EdgeAlert;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the edge hubs' alert changes into the {@link AlertService}, holding one while analytics'
 * store cannot say whether the alert is known (so an alert is neither lost nor raised twice for a
 * store outage), with the telemetry recorder's retry: the wait doubles from the first pause up to
 * the longest.
 */
public final class EdgeAlertIntake {
  private static final Logger LOG = Logger.getLogger(EdgeAlertIntake.class.getName());

  private final AlertService alerts;
  private final Duration initialRetry;
  private final Duration maxRetry;
  private final Pause pause;
  private final AtomicLong taken = new AtomicLong();

  public EdgeAlertIntake(
      AlertService alerts, Duration initialRetry, Duration maxRetry, Pause pause) {
    this.alerts = alerts;
    this.initialRetry = initialRetry;
    this.maxRetry = maxRetry;
    this.pause = pause;
  }

  /**
   * Hands the change to the alert service, retrying while {@code keepTrying} holds.
   *
   * @throws InterruptedException when stopped before the service took it; the message must then not
   *     be acknowledged
   */
  public void accept(EdgeAlert alert, BooleanSupplier keepTrying) throws InterruptedException {
    Duration wait = initialRetry;
    while (true) {
      try {
        alerts.edge(alert);
        taken.incrementAndGet();
        return;
      } catch (ControlStoreUnavailableException e) {
        if (!keepTrying.getAsBoolean()) {
          throw new InterruptedException("stopped before edge alert " + alert.id() + " was taken");
        }
        LOG.log(
            Level.WARNING,
            "the alert store cannot say whether edge alert {0} is known; retrying in {1} ms: {2}",
            new Object[] {alert.id(), wait.toMillis(), e.getMessage()});
        pause.pause(wait);
        wait = wait.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : wait.multipliedBy(2);
      }
    }
  }

  /** Edge alert changes taken since start. */
  public long takenCount() {
    return taken.get();
  }
}
