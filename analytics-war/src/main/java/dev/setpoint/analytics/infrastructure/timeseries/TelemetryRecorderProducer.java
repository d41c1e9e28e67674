package dev.setpoint.analytics.infrastructure.timeseries;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the application's one {@link TelemetryRecorder} from configuration: the store's retry
 * pauses, and whether stored messages feed the {@link Recommender} ({@code
 * setpoint.recommender.enabled}; which devices it takes is the recommender's own rule).
 */
@ApplicationScoped
public class TelemetryRecorderProducer {
  private final TelemetryRecorder recorder;

  @Inject
  public TelemetryRecorderProducer(
      TimeSeriesStore store,
      Recommender recommender,
      @ConfigProperty(name = "setpoint.recommender.enabled", defaultValue = "true")
          boolean recommending,
      @ConfigProperty(name = "setpoint.influx.retry-initial-ms", defaultValue = "500")
          long retryInitialMs,
      @ConfigProperty(name = "setpoint.influx.retry-max-ms", defaultValue = "30000")
          long retryMaxMs) {
    this.recorder =
        new TelemetryRecorder(
            store,
            Duration.ofMillis(retryInitialMs),
            Duration.ofMillis(retryMaxMs),
            duration -> Thread.sleep(duration.toMillis()),
            recommending ? recommender::accept : message -> {});
  }

  /** For CDI's proxy only. */
  protected TelemetryRecorderProducer() {
    this.recorder = null;
  }

  /** The same recorder for every injection point (the consumer and the health check). */
  @Produces
  TelemetryRecorder recorder() {
    return recorder;
  }
}
