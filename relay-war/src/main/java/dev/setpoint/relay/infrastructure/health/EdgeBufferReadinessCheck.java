package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.contracts.health.ProbeFailures;
import dev.setpoint.relay.application.BacklogMonitor;
import dev.setpoint.relay.domain.Backlog;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the edge buffer answers a lookup by id, which costs the same however large the
 * backlog is. How far behind forwarding is, the backlog's size and its oldest event's age as {@link
 * BacklogMonitor} last measured them, is in the check's data; a failure only as a reason code
 * ({@link ProbeFailures}), its detail in the log.
 */
@Readiness
@ApplicationScoped
public class EdgeBufferReadinessCheck implements HealthCheck {
  private final PendingEvents buffer;
  private final BacklogMonitor backlog;
  private final Clock clock = Clock.systemUTC();
  private final ProbeFailures failures =
      new ProbeFailures(
          "relay-mongodb", Logger.getLogger(EdgeBufferReadinessCheck.class.getName()));

  @Inject
  public EdgeBufferReadinessCheck(PendingEvents buffer, BacklogMonitor backlog) {
    this.buffer = buffer;
    this.backlog = backlog;
  }

  /** For CDI's proxy only. */
  protected EdgeBufferReadinessCheck() {
    this.buffer = null;
    this.backlog = null;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      buffer.probe();
      failures.passed();
      Backlog last = backlog.last();
      return HealthCheckResponse.named("relay-mongodb")
          .up()
          .withData("pendingEvents", last.pending())
          .withData("oldestPendingAgeSeconds", last.oldestAgeMillis(clock.millis()) / 1000)
          .withData("measuredAtMillis", backlog.measuredAtMillis())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("relay-mongodb")
          .down()
          .withData(ProbeFailures.KEY, failures.failed(e))
          .build();
    }
  }
}
