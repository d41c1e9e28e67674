package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.contracts.buffer.BufferedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the edge buffer answers a query, through the application's own long-lived MongoDB
 * client (JNoSQL's); the client's server-selection timeout bounds how long a probe can take.
 */
@Readiness
@ApplicationScoped
public class EdgeBufferReadinessCheck implements HealthCheck {
  static final String NAME = "relay-mongodb";
  private static final String PROBE_ID = "readiness-probe";
  private final Template template;

  @Inject
  public EdgeBufferReadinessCheck(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected EdgeBufferReadinessCheck() {
    this.template = null;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      // A lookup by _id: one index probe, however large the buffer grows.
      template.find(BufferedEvent.class, PROBE_ID);
      return HealthCheckResponse.named(NAME).up().build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
