package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.infrastructure.messaging.TelemetryConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the process serves; reports how many messages were stored and skipped. An InfluxDB
 * outage is not a liveness failure: the recorder waits for it, and readiness reports it.
 */
@Liveness
@ApplicationScoped
public class RecorderLivenessCheck implements HealthCheck {
  private final TelemetryConsumer consumer;

  @Inject
  public RecorderLivenessCheck(TelemetryConsumer consumer) {
    this.consumer = consumer;
  }

  /** For CDI's proxy only. */
  protected RecorderLivenessCheck() {
    this.consumer = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("analytics-recorder")
        .up()
        .withData("stored", consumer.recorder().storedCount())
        .withData("rejected", consumer.recorder().rejectedCount())
        .build();
  }
}
