package dev.setpoint.ingest.infrastructure.volume;

import dev.setpoint.ingest.application.BufferVolumeGuard;
import dev.setpoint.ingest.config.BufferVolumeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures the buffer's volume every {@code setpoint.ingest.buffer.volume.sample-interval} from the
 * application's start, off every request's thread; requests read only the guard's last decision.
 */
@ApplicationScoped
public class BufferVolumeSampler {
  // Jakarta Concurrency 3.0 (EE 10) offers its default executor only as a resource.
  @Resource private ManagedScheduledExecutorService scheduler;

  private final BufferVolumeGuard guard;
  private final Duration interval;
  private volatile ScheduledFuture<?> task;

  @Inject
  public BufferVolumeSampler(BufferVolumeGuard guard, BufferVolumeConfig config) {
    this.guard = guard;
    this.interval = config.sampleInterval;
  }

  /** For CDI's proxy only. */
  protected BufferVolumeSampler() {
    this.guard = null;
    this.interval = null;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.buffer.volume.sample-interval must be positive, was " + interval);
    }
    long millis = interval.toMillis();
    task = scheduler.scheduleWithFixedDelay(guard::sample, 0, millis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> running = task;
    if (running != null) {
      running.cancel(false);
    }
  }
}
