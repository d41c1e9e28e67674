package dev.setpoint.relay.application;

import dev.setpoint.relay.config.EdgeAlertsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Whether the relay can reach the cloud's broker, as its own sends show it. The link is <b>down</b>
 * when
 *
 * <ul>
 *   <li>the outbox's last publish was not acknowledged (refused, failed or timed out), or the
 *       telemetry forwarder's last round ended on one; or
 *   <li>an outbox message has waited longer than {@code setpoint.relay.alerts.link-timeout} and the
 *       broker acknowledged nothing within that time: a send still waiting for an answer (a broker
 *       that is gone lets the producer wait up to its delivery timeout) counts as down once it has
 *       waited that long.
 * </ul>
 *
 * and up otherwise: an empty outbox with working telemetry, or a broker that acknowledged within
 * the timeout. A healthy link forwards a message within one poll interval, so the timeout is many
 * times what a working link ever takes.
 */
@ApplicationScoped
public class CloudLink {
  private final long timeoutMillis;
  private final BooleanSupplier telemetryFailing;
  private final Clock clock;
  private volatile long lastAckMillis;
  private volatile boolean lastPublishFailed;
  private volatile OptionalLong oldestWaiting = OptionalLong.empty();

  @Inject
  public CloudLink(EdgeAlertsConfig config, ForwardingService telemetry) {
    this(config.linkTimeout, telemetry::lastRoundFailed, Clock.systemUTC());
  }

  /**
   * @param telemetryFailing whether the telemetry forwarder's last round ended on a send the broker
   *     did not acknowledge
   */
  public CloudLink(Duration timeout, BooleanSupplier telemetryFailing, Clock clock) {
    this.timeoutMillis = timeout.toMillis();
    this.telemetryFailing = telemetryFailing;
    this.clock = clock;
    // A start is not an outage: what waits from before it gets the timeout to go through.
    this.lastAckMillis = clock == null ? 0 : clock.millis();
  }

  /** For CDI's proxy only. */
  protected CloudLink() {
    this(Duration.ZERO, () -> false, null);
  }

  /** The broker acknowledged an outbox message. */
  void acknowledged() {
    lastAckMillis = clock.millis();
    lastPublishFailed = false;
  }

  /** The broker did not acknowledge an outbox message. */
  void failed() {
    lastPublishFailed = true;
  }

  /** The oldest outbox message as the forwarder last read it: its {@code createdAt}, or empty. */
  void waiting(OptionalLong oldestCreatedAt) {
    oldestWaiting = oldestCreatedAt;
  }

  /** Whether the link counts as down now (see the class comment). */
  public boolean down() {
    if (lastPublishFailed || telemetryFailing.getAsBoolean()) {
      return true;
    }
    OptionalLong oldest = oldestWaiting;
    long now = clock.millis();
    return oldest.isPresent()
        && now - oldest.getAsLong() > timeoutMillis
        && now - lastAckMillis > timeoutMillis;
  }

  /** When the broker last acknowledged an outbox message (or the relay started), ms. */
  public long lastAckMillis() {
    return lastAckMillis;
  }
}
