package dev.setpoint.analytics.infrastructure.timeseries;

import dev.setpoint.analytics.application.RecentEventIds;
import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.energy.EnergyRollupService;
import dev.setpoint.analytics.application.history.LateRollUps;
import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.analytics.config.RecorderConfig;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * Builds the application's one {@link TelemetryRecorder} from configuration: the store's retry
 * pauses ({@link RecorderConfig}), and whether stored messages feed the {@link Recommender} ({@link
 * RecommenderConfig#enabled}; which devices it takes is the recommender's own rule). Every stored
 * message is also shown to the energy roll-up, which notes counter readings too late for its
 * lookback, and to the late roll-ups, which note points too late for the continuous queries. The
 * recorder keeps the latest {@code setpoint.analytics.recorder.rewrite-window} event ids to count
 * messages written twice.
 */
@ApplicationScoped
public class TelemetryRecorderProducer {
  private final TelemetryRecorder recorder;

  @Inject
  public TelemetryRecorderProducer(
      TimeSeriesStore store,
      Recommender recommender,
      EnergyRollupService energy,
      AlertService alerts,
      LateRollUps lateRollUps,
      RecorderConfig retry,
      RecommenderConfig recommending) {
    Consumer<TelemetryMessage> recommend =
        recommending.enabled ? recommender::accept : message -> {};
    this.recorder =
        new TelemetryRecorder(
            store,
            retry.retryInitial,
            retry.retryMax,
            duration -> Thread.sleep(duration.toMillis()),
            message -> {
              // first: noteStored and the alerts never throw, so a failing recommender cannot skip
              // them
              energy.noteStored(message);
              lateRollUps.noteStored(message);
              alerts.accept(message);
              recommend.accept(message);
            },
            new RecentEventIds(retry.rewriteWindow));
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
