package dev.setpoint.analytics.infrastructure.metrics;

import dev.setpoint.analytics.infrastructure.health.ConsumerLagReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Registers the consumer lag gauge when the application starts: telemetry messages on the topic
 * that analytics has not stored yet, measured at each scrape with the readiness check's admin
 * client. NaN while the broker does not answer, so a scrape never fails and the gap shows.
 */
@ApplicationScoped
public class ConsumerLagMetrics {
  static final String CONSUMER_LAG = "setpoint.analytics.consumer.lag";
  private static final Logger LOG = Logger.getLogger(ConsumerLagMetrics.class.getName());

  private final MetricRegistry registry;
  private final ConsumerLagReadinessCheck lag;

  @Inject
  public ConsumerLagMetrics(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
      @Readiness ConsumerLagReadinessCheck lag) {
    this.registry = registry;
    this.lag = lag;
  }

  /** For CDI's proxy only. */
  protected ConsumerLagMetrics() {
    this.registry = null;
    this.lag = null;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(
        Metadata.builder()
            .withName(CONSUMER_LAG)
            .withDescription("Telemetry messages on the topic not yet stored in InfluxDB")
            .withUnit(MetricUnits.NONE)
            .build(),
        lag,
        ConsumerLagMetrics::measure);
  }

  private static double measure(ConsumerLagReadinessCheck check) {
    try {
      return check.lag();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.log(Level.FINE, "consumer lag not measured", e);
      return Double.NaN;
    }
  }
}
