package dev.setpoint.analytics.infrastructure.timeseries;

import dev.setpoint.analytics.application.TelemetryBatcher;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.config.RecorderConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The application's one {@link TelemetryBatcher} (sizes from {@link RecorderConfig}) and its two
 * managed threads, one writing its batches and one telling the recommender and the alerts of each
 * stored batch before acknowledging it, started with the application and stopped with it. A batch
 * not stored, or stored and not yet told, when it stops is not acknowledged, so the broker delivers
 * it again.
 */
@ApplicationScoped
public class TelemetryBatchWriter {
  @Resource private ManagedThreadFactory threads;

  private final TelemetryBatcher batcher;
  private volatile boolean running = true;
  private Thread writer;
  private Thread teller;

  @Inject
  public TelemetryBatchWriter(TelemetryRecorder recorder, RecorderConfig config) {
    this.batcher =
        new TelemetryBatcher(recorder, config.batchSize, config.batchLinger, config.queue);
  }

  /** For CDI's proxy only. */
  protected TelemetryBatchWriter() {
    this.batcher = null;
  }

  @Produces
  TelemetryBatcher batcher() {
    return batcher;
  }

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (writer != null) {
      return;
    }
    writer = threads.newThread(() -> batcher.run(() -> running));
    writer.setName("setpoint-telemetry-writer");
    writer.start();
    teller = threads.newThread(() -> batcher.runAfterStored(() -> running));
    teller.setName("setpoint-telemetry-stored");
    teller.start();
  }

  @PreDestroy
  synchronized void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
      teller.interrupt();
    }
  }
}
