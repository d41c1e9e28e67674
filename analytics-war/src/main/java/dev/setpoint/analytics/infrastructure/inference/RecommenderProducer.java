package dev.setpoint.analytics.infrastructure.inference;

import dev.setpoint.analytics.application.Recommender;
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
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the application's {@link Recommender} from configuration: the policy's settings (defaults
 * are {@link PolicySettings#defaults()}), the sample and decision intervals, the devices in scope.
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
      @ConfigProperty(name = "setpoint.recommender.min-c", defaultValue = "18") double minC,
      @ConfigProperty(name = "setpoint.recommender.max-c", defaultValue = "27") double maxC,
      @ConfigProperty(name = "setpoint.recommender.step-c", defaultValue = "0.5") double stepC,
      @ConfigProperty(name = "setpoint.recommender.limit-c", defaultValue = "27") double limitC,
      @ConfigProperty(name = "setpoint.recommender.margin-c", defaultValue = "1") double marginC,
      @ConfigProperty(name = "setpoint.recommender.max-raise-c", defaultValue = "1")
          double maxRaiseC,
      @ConfigProperty(name = "setpoint.recommender.fallback-c", defaultValue = "18")
          double fallbackC,
      @ConfigProperty(name = "setpoint.recommender.max-sample-age-ms", defaultValue = "180000")
          long maxSampleAgeMs,
      @ConfigProperty(name = "setpoint.recommender.sample-interval-ms", defaultValue = "60000")
          long sampleIntervalMs,
      @ConfigProperty(name = "setpoint.recommender.decision-interval-ms", defaultValue = "300000")
          long decisionIntervalMs,
      @ConfigProperty(name = "setpoint.recommender.devices", defaultValue = ".*")
          String devicesInScope) {
    PolicySettings defaults = PolicySettings.defaults();
    PolicySettings settings =
        new PolicySettings(
            minC,
            maxC,
            stepC,
            limitC,
            marginC,
            maxRaiseC,
            defaults.raiseHysteresisC(),
            defaults.maxLowerC(),
            fallbackC,
            Duration.ofMillis(maxSampleAgeMs));
    this.recommender =
        new Recommender(
            new SetpointPolicy(settings),
            model,
            store,
            commands,
            Clock.systemUTC(),
            Duration.ofMillis(sampleIntervalMs),
            Duration.ofMillis(decisionIntervalMs),
            metrics::recommended,
            Pattern.compile(devicesInScope));
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
