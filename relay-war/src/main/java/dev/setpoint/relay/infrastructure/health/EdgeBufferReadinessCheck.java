package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.relay.application.BacklogMonitor;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the edge buffer answers the relay's own query (the oldest PENDING event), which also
 * tells how far behind forwarding is: the age of that event is in the check's data, with the
 * backlog's size as {@link BacklogMonitor} last counted it (counting is a scan on the stack's
 * MongoDB-wire server, too slow for every probe).
 */
@Readiness
@ApplicationScoped
public class EdgeBufferReadinessCheck implements HealthCheck {
  private final PendingEvents buffer;
  private final BacklogMonitor backlog;
  private final Clock clock = Clock.systemUTC();

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
      List<BufferedEvent> oldest = buffer.oldest(1);
      long ageSeconds =
          oldest.isEmpty()
              ? 0
              : Duration.ofMillis(clock.millis() - oldest.get(0).receivedAt()).toSeconds();
      return HealthCheckResponse.named("relay-mongodb")
          .up()
          .withData("oldestPendingAgeSeconds", Math.max(0, ageSeconds))
          .withData("pendingEvents", backlog.last().pending())
          .withData("pendingMeasuredAtMillis", backlog.measuredAtMillis())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("relay-mongodb")
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
