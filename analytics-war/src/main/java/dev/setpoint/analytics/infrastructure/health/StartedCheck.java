package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.infrastructure.messaging.KafkaLoops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the application finished starting with the telemetry consumer wired to its channel;
 * the model has its own startup check, {@link ModelHealthCheck}.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
  private final KafkaLoops consumer;

  @Inject
  public StartedCheck(KafkaLoops consumer) {
    this.consumer = consumer;
  }

  /** For CDI's proxy only. */
  protected StartedCheck() {
    this.consumer = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("analytics-started").status(consumer.isSubscribed()).build();
  }
}
