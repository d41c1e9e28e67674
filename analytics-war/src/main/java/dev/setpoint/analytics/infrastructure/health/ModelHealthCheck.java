package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Started and ready only while a model that passed the load checks (input {@code features} float32
 * {@code [N, 37]}, output {@code inlet_temperature} float32 {@code [N, 1]}, the look-ahead and
 * power outputs its metadata declares, finite probe predictions) is served; its version and source
 * in the data, or the load error. A bad file dropped in later does not turn this DOWN: the previous
 * model stays served, and the error shows here.
 */
@Startup
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {
  private final SetpointModel model;

  @Inject
  public ModelHealthCheck(SetpointModel model) {
    this.model = model;
  }

  /** For CDI's proxy only. */
  protected ModelHealthCheck() {
    this.model = null;
  }

  @Override
  public HealthCheckResponse call() {
    Optional<ModelInfo> info = model.info();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("analytics-model").status(info.isPresent());
    info.ifPresent(
        i ->
            response
                .withData("version", i.version())
                .withData("source", i.source())
                .withData("loadedAt", i.loadedAt().toString()));
    model.lastError().ifPresent(error -> response.withData("error", error));
    return response.build();
  }
}
