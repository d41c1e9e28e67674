package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.domain.TimeSeriesStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while InfluxDB answers a ping through the application's own client. */
@Readiness
@ApplicationScoped
public class TimeSeriesReadinessCheck implements HealthCheck {
  private final TimeSeriesStore store;

  @Inject
  public TimeSeriesReadinessCheck(TimeSeriesStore store) {
    this.store = store;
  }

  /** For CDI's proxy only. */
  protected TimeSeriesReadinessCheck() {
    this.store = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("analytics-influxdb").status(store.isReachable()).build();
  }
}
