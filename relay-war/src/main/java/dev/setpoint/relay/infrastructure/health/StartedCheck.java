package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.relay.application.ForwardingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the forwarding loop is scheduled. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
  private final ForwardingLoop loop;

  @Inject
  public StartedCheck(ForwardingLoop loop) {
    this.loop = loop;
  }

  /** For CDI's proxy only. */
  protected StartedCheck() {
    this.loop = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("relay-started").status(loop.isStarted()).build();
  }
}
