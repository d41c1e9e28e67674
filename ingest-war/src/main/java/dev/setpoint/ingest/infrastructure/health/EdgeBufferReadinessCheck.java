package dev.setpoint.ingest.infrastructure.health;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.health.ProbeFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the edge buffer answers a query, through the application's own long-lived MongoDB
 * client (JNoSQL's); the client's server-selection timeout bounds how long a probe can take. A
 * failure shows only as a reason code ({@link ProbeFailures}), its detail in the log.
 */
@Readiness
@ApplicationScoped
public class EdgeBufferReadinessCheck implements HealthCheck {
  static final String NAME = "ingest-mongodb";
  private static final String PROBE_ID = "readiness-probe";
  private final Template template;
  private final ProbeFailures failures =
      new ProbeFailures(NAME, Logger.getLogger(EdgeBufferReadinessCheck.class.getName()));

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
      failures.passed();
      return HealthCheckResponse.named(NAME).up().build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData(ProbeFailures.KEY, failures.failed(e))
          .build();
    }
  }
}
