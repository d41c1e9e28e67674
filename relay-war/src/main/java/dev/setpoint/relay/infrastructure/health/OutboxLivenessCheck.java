package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.relay.application.CloudLink;
import dev.setpoint.relay.application.OutboxForwarder;
import dev.setpoint.relay.application.OutboxLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the outbox loop keeps completing rounds, as {@link ForwardingLivenessCheck} for the
 * telemetry; a broker outage makes rounds fail, not stop. Whether the link to the cloud counts as
 * down ({@link CloudLink}) is in the check's data.
 */
@Liveness
@ApplicationScoped
public class OutboxLivenessCheck implements HealthCheck {
  private final OutboxLoop loop;
  private final OutboxForwarder forwarder;
  private final CloudLink link;

  @Inject
  public OutboxLivenessCheck(OutboxLoop loop, OutboxForwarder forwarder, CloudLink link) {
    this.loop = loop;
    this.forwarder = forwarder;
    this.link = link;
  }

  /** For CDI's proxy only. */
  protected OutboxLivenessCheck() {
    this.loop = null;
    this.forwarder = null;
    this.link = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("relay-outbox-loop")
        .status(loop.isProgressing())
        .withData("forwardedSinceStart", forwarder.forwardedTotal())
        .withData("cloudLinkDown", link.down())
        .build();
  }
}
