package dev.setpoint.ingest.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the process can serve: liveness never depends on MongoDB, so an outage of the
 * database does not make Kubernetes restart a healthy server.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("ingest-process").up().build();
  }
}
