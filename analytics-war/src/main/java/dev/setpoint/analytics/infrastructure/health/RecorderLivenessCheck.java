package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.infrastructure.messaging.TelemetryConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the process serves; reports how many messages were stored and skipped. An InfluxDB
 * outage is not a liveness failure: the recorder waits for it, and readiness reports it. Skipped
 * ({@code rejected}) are the payloads the consumer could not decode and the messages the store
 * refuses for good.
 */
@Liveness
@ApplicationScoped
public class RecorderLivenessCheck implements HealthCheck {
  private final TelemetryConsumer consumer;
  private final TelemetryRecorder recorder;

  @Inject
  public RecorderLivenessCheck(TelemetryConsumer consumer, TelemetryRecorder recorder) {
    this.consumer = consumer;
    this.recorder = recorder;
  }

  /** For CDI's proxy only. */
  protected RecorderLivenessCheck() {
    this.consumer = null;
    this.recorder = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("analytics-recorder")
        .up()
        .withData("stored", recorder.storedCount())
        .withData("rejected", consumer.undecodableCount() + recorder.rejectedCount())
        .build();
  }
}
