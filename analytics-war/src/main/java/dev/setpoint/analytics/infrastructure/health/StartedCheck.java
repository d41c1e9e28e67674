package dev.setpoint.analytics.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the application is initialized; the inference model will join this check. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
  private final AtomicBoolean started = new AtomicBoolean();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    started.set(true);
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("analytics-started").status(started.get()).build();
  }
}
