package dev.setpoint.analytics.infrastructure.inference;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.config.ModelConfig;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.contracts.audit.AuditActor;
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
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the application's one {@link OnnxSetpointModel}: the file named by {@link ModelConfig#path},
 * or the bootstrap model packaged in the WAR when that key is unset. When a file is configured, its
 * modification time is polled every {@link ModelConfig#pollInterval} on the managed scheduler and a
 * changed file is loaded (and the reload audited as the service's own); a file that does not pass
 * the checks is logged and the current model stays.
 */
@ApplicationScoped
public class ModelProducer {
  private static final Logger LOG = Logger.getLogger(ModelProducer.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final OnnxSetpointModel model;
  private final AuditTrail audit;
  private final Duration pollInterval;
  private volatile ScheduledFuture<?> poll;

  @Inject
  public ModelProducer(ModelConfig config, AuditTrail audit) {
    this.model =
        new OnnxSetpointModel(
            config.path.map(String::strip).filter(p -> !p.isEmpty()).map(Path::of),
            Clock.systemUTC());
    this.audit = audit;
    this.pollInterval = config.pollInterval;
  }

  /** For CDI's proxy only. */
  protected ModelProducer() {
    this.model = null;
    this.audit = null;
    this.pollInterval = Duration.ZERO;
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
    if (poll == null && model.file().isPresent() && pollInterval.isPositive()) {
      long millis = pollInterval.toMillis();
      poll =
          scheduler.scheduleWithFixedDelay(this::pollOnce, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  private void pollOnce() {
    try {
      ModelInfo before = model.info().orElse(null);
      if (model.reloadIfChanged()) {
        audit.modelReloaded(AuditActor.SYSTEM, before, model.info().orElseThrow());
      }
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
