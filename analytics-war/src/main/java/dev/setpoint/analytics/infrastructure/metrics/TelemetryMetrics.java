package dev.setpoint.analytics.infrastructure.metrics;

import dev.setpoint.analytics.application.TelemetryBatcher;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.infrastructure.messaging.DeadLetterPublisher;
import dev.setpoint.analytics.infrastructure.messaging.TelemetryConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The telemetry path's figures on {@code /metrics} (application scope), each a running total since
 * start read from where it is counted: points stored, batch writes, messages written again while
 * their event id was among the latest stored ({@code rewritten}: the "nothing doubled" probe;
 * InfluxDB overwrites such a point, so it shows work done twice, never a second point), undecodable
 * records and dead letters sent, and the messages waiting for their batch now.
 */
@ApplicationScoped
public class TelemetryMetrics {
  static final String STORED = "setpoint.analytics.telemetry.stored";
  static final String BATCHES = "setpoint.analytics.telemetry.batches";
  static final String REWRITTEN = "setpoint.analytics.telemetry.rewritten";
  static final String REJECTED = "setpoint.analytics.telemetry.rejected";
  static final String UNDECODABLE = "setpoint.analytics.telemetry.undecodable";
  static final String DEAD_LETTERS = "setpoint.analytics.telemetry.dead.letters";
  static final String QUEUED = "setpoint.analytics.telemetry.queued";

  private final MetricRegistry registry;
  private final TelemetryRecorder recorder;
  private final TelemetryConsumer consumer;
  private final DeadLetterPublisher deadLetters;
  private final TelemetryBatcher batcher;

  @Inject
  public TelemetryMetrics(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
      TelemetryRecorder recorder,
      TelemetryConsumer consumer,
      DeadLetterPublisher deadLetters,
      TelemetryBatcher batcher) {
    this.registry = registry;
    this.recorder = recorder;
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.batcher = batcher;
  }

  /** For CDI's proxy only. */
  protected TelemetryMetrics() {
    this.registry = null;
    this.recorder = null;
    this.consumer = null;
    this.deadLetters = null;
    this.batcher = null;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    gauge(STORED, "Telemetry messages stored in InfluxDB since start", recorder::storedCount);
    gauge(BATCHES, "Batch writes of telemetry InfluxDB took since start", recorder::batchCount);
    gauge(
        REWRITTEN,
        "Telemetry messages stored again while their event id was among the latest stored",
        recorder::rewrittenCount);
    gauge(
        REJECTED,
        "Telemetry messages InfluxDB refused for good since start",
        recorder::rejectedCount);
    gauge(
        UNDECODABLE,
        "Telemetry records that can never be stored (too large, not JSON, wrong schema,"
            + " implausible) since start",
        consumer::undecodableCount);
    gauge(
        DEAD_LETTERS,
        "Telemetry records the dead-letter topic took since start",
        deadLetters::sentCount);
    gauge(QUEUED, "Decoded telemetry messages waiting for their batch", () -> batcher.queued());
  }

  private void gauge(String name, String description, Supplier<Number> value) {
    registry.gauge(
        Metadata.builder()
            .withName(name)
            .withDescription(description)
            .withUnit(MetricUnits.NONE)
            .build(),
        value);
  }
}
