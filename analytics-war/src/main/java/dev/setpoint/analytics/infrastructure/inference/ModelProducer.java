package dev.setpoint.analytics.infrastructure.inference;

import dev.setpoint.analytics.domain.SetpointModel;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the application's one {@link OnnxSetpointModel}: the file named by {@code
 * setpoint.model.path}, or the bootstrap model packaged in the WAR when that key is unset. When a
 * file is configured, its modification time is polled every {@code setpoint.model.poll-interval-ms}
 * on the managed scheduler and a changed file is loaded; a file that does not pass the checks is
 * logged and the current model stays.
 */
@ApplicationScoped
public class ModelProducer {
  private static final Logger LOG = Logger.getLogger(ModelProducer.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final OnnxSetpointModel model;
  private final long pollIntervalMs;
  private volatile ScheduledFuture<?> poll;

  @Inject
  public ModelProducer(
      @ConfigProperty(name = "setpoint.model.path") Optional<String> path,
      @ConfigProperty(name = "setpoint.model.poll-interval-ms", defaultValue = "5000")
          long pollIntervalMs) {
    this.model =
        new OnnxSetpointModel(
            path.map(String::strip).filter(p -> !p.isEmpty()).map(Path::of), Clock.systemUTC());
    this.pollIntervalMs = pollIntervalMs;
  }

  /** For CDI's proxy only. */
  protected ModelProducer() {
    this.model = null;
    this.pollIntervalMs = 0;
  }

  /** The one model; the same instance for every injection point. */
  @Produces
  @Typed(SetpointModel.class)
  SetpointModel setpointModel() {
    return model;
  }

  /** The adapter itself, for metrics and the reload endpoint's details. */
  public OnnxSetpointModel model() {
    return model;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (poll == null && model.file().isPresent() && pollIntervalMs > 0) {
      poll =
          scheduler.scheduleWithFixedDelay(
              this::pollOnce, pollIntervalMs, pollIntervalMs, TimeUnit.MILLISECONDS);
    }
  }

  private void pollOnce() {
    try {
      model.reloadIfChanged();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "model file check failed", e);
    }
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> running = poll;
    if (running != null) {
      running.cancel(false);
    }
    model.close();
  }
}
