package dev.setpoint.analytics.infrastructure.timeseries;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.analytics.config.RecorderConfig;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Builds the application's one {@link TelemetryRecorder} from configuration: the store's retry
 * pauses ({@link RecorderConfig}), and whether stored messages feed the {@link Recommender} ({@link
 * RecommenderConfig#enabled}; which devices it takes is the recommender's own rule).
 */
@ApplicationScoped
public class TelemetryRecorderProducer {
  private final TelemetryRecorder recorder;

  @Inject
  public TelemetryRecorderProducer(
      TimeSeriesStore store,
      Recommender recommender,
      RecorderConfig retry,
      RecommenderConfig recommending) {
    this.recorder =
        new TelemetryRecorder(
            store,
            retry.retryInitial,
            retry.retryMax,
            duration -> Thread.sleep(duration.toMillis()),
            recommending.enabled ? recommender::accept : message -> {});
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
