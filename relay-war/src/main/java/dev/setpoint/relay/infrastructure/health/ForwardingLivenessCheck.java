package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.relay.application.ForwardingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the forwarding loop keeps completing rounds. It does not look at MongoDB or Kafka: an
 * outage makes rounds fail fast, not stop, so only a wedged process restarts.
 */
@Liveness
@ApplicationScoped
public class ForwardingLivenessCheck implements HealthCheck {
  private final ForwardingLoop loop;

  @Inject
  public ForwardingLivenessCheck(ForwardingLoop loop) {
    this.loop = loop;
  }

  /** For CDI's proxy only. */
  protected ForwardingLivenessCheck() {
    this.loop = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("relay-forwarding-loop")
        .status(loop.isProgressing())
        .withData("forwardedSinceStart", loop.forwardedCount())
        .build();
  }
}
