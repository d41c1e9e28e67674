package dev.setpoint.analytics.infrastructure.metrics;

import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.infrastructure.inference.ModelProducer;
import dev.setpoint.analytics.infrastructure.inference.OnnxSetpointModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Analytics' figures on {@code /metrics} (application scope): the latency of each model call (a
 * timer over every prediction, recommender and predict APIs alike), recommendations per reason (not
 * per device: the metrics name no device or room; each decision with its device is in InfluxDB),
 * and the served model as an info gauge ({@code model_info{version="…"} 1}, re-registered under the
 * new version on every reload).
 */
@ApplicationScoped
public class AnalyticsMetrics {
  static final String INFERENCE = "setpoint.analytics.inference";
  static final String RECOMMENDATIONS = "setpoint.analytics.recommendations";
  static final String MODEL_INFO = "setpoint.analytics.model.info";

  private final MetricRegistry registry;
  private final OnnxSetpointModel model;
  private final AtomicReference<MetricID> modelGauge = new AtomicReference<>();
  private volatile Timer inference;

  @Inject
  public AnalyticsMetrics(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
      ModelProducer models) {
    this.registry = registry;
    this.model = models.model();
  }

  /** For CDI's proxy only. */
  protected AnalyticsMetrics() {
    this.registry = null;
    this.model = null;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    inference =
        registry.timer(
            Metadata.builder()
                .withName(INFERENCE)
                .withDescription("Time of one call of the ONNX model (all rows of the call)")
                .withUnit(MetricUnits.SECONDS)
                .build());
    Timer timer = inference;
    model.onLatency(nanos -> timer.update(Duration.ofNanos(nanos)));
    model.onLoaded(this::modelLoaded);
    model.info().ifPresent(this::modelLoaded);
  }

  private synchronized void modelLoaded(ModelInfo info) {
    MetricID id = new MetricID(MODEL_INFO, new Tag("version", info.version()));
    MetricID previous = modelGauge.getAndSet(id);
    if (previous != null && !previous.equals(id)) {
      registry.remove(previous);
    }
    if (!id.equals(previous)) {
      registry.gauge(
          Metadata.builder()
              .withName(MODEL_INFO)
              .withDescription("1 for the model version being served")
              .withUnit(MetricUnits.NONE)
              .build(),
          () -> 1,
          new Tag("version", info.version()));
    }
  }

  /** Counts one recommender decision by its reason. */
  public void recommended(DeviceRecommendation decision) {
    registry.counter(RECOMMENDATIONS, new Tag("reason", decision.reason())).inc();
  }
}
