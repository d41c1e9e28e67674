package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.contracts.health.ProbeFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Started and ready only while a model that passed the load checks (input {@code features} float32
 * {@code [N, 37]}, output {@code inlet_temperature} float32 {@code [N, 1]}, the look-ahead and
 * power outputs its metadata declares, finite probe predictions) is served; its version and when it
 * was loaded in the data. A bad file dropped in later does not turn this DOWN: the previous model
 * stays served, and the reason {@code rejected} shows here. The error itself, which names the file,
 * goes to the log (and to an operator's {@code POST /api/v1/model/reload}), not to {@code /health},
 * which anyone may read.
 */
@Startup
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {
  /** The reason a refused model file shows as. */
  static final String REJECTED = "rejected";

  private final SetpointModel model;
  private final ProbeFailures failures =
      new ProbeFailures("analytics-model", Logger.getLogger(ModelHealthCheck.class.getName()));

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
                .withData("loadedAt", i.loadedAt().toString()));
    model
        .lastError()
        .ifPresentOrElse(
            error -> response.withData(ProbeFailures.KEY, failures.failed(REJECTED, error)),
            failures::passed);
    return response.build();
  }
}
