package dev.setpoint.analytics.infrastructure.inference;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.room.RoomModes;
import dev.setpoint.analytics.application.savings.MvPlans;
import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.analytics.config.RoomsConfig;
import dev.setpoint.analytics.domain.CommandPublisher;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.infrastructure.metrics.AnalyticsMetrics;
import dev.setpoint.model.recommend.PolicySettings;
import dev.setpoint.model.recommend.SetpointPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Builds the application's {@link Recommender} from {@link RecommenderConfig}: the policy's
 * settings (those the configuration does not name are {@link PolicySettings#defaults()}), the
 * sample and decision intervals, the devices in scope, the rooms' modes and their rate-of-change
 * limits (by their tape flags).
 */
@ApplicationScoped
public class RecommenderProducer {
  private final Recommender recommender;

  @Inject
  public RecommenderProducer(
      SetpointModel model,
      TimeSeriesStore store,
      CommandPublisher commands,
      AnalyticsMetrics metrics,
      RecommenderConfig config,
      RoomModes modes,
      RoomsConfig rooms,
      MvPlans plans,
      AlertService alerts) {
    double limit = nonNegative("max-change-per-hour", rooms.maxChangePerHour);
    double tapeLimit = nonNegative("tape-max-change-per-hour", rooms.tapeMaxChangePerHour);
    this.recommender =
        new Recommender(
            new SetpointPolicy(policySettings(config)),
            model,
            store,
            commands,
            Clock.systemUTC(),
            config.sampleInterval,
            config.decisionInterval,
            decision -> {
              metrics.recommended(decision);
              alerts.decided(decision);
            },
            Pattern.compile(config.devices),
            config.outdoorHold,
            modes::mode,
            room -> modes.holdingTape(room) ? tapeLimit : limit,
            plans::fixedSetpoint);
  }

  /** A limit that is not a number or negative stops the deployment rather than every decision. */
  private static double nonNegative(String key, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(
          "setpoint.analytics.rooms." + key + " must be a number ≥ 0, not " + value);
    }
    return value;
  }

  static PolicySettings policySettings(RecommenderConfig config) {
    PolicySettings defaults = PolicySettings.defaults();
    return new PolicySettings(
        config.minC,
        config.maxC,
        config.stepC,
        config.limitC,
        config.marginC,
        config.maxRaiseC,
        defaults.raiseHysteresisC(),
        defaults.maxLowerC(),
        config.fallbackC,
        config.maxSampleAge,
        config.fallbackStepC,
        config.minDwell);
  }

  /** For CDI's proxy only. */
  protected RecommenderProducer() {
    this.recommender = null;
  }

  @Produces
  Recommender recommender() {
    return recommender;
  }
}
