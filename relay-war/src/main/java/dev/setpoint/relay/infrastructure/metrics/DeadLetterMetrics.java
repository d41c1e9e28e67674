package dev.setpoint.relay.infrastructure.metrics;

import dev.setpoint.relay.infrastructure.messaging.DeadLetterPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The commands the relay sent to {@code setpoint.commands.dlq} since start, on {@code /metrics}
 * (application scope) as {@value #DEAD_LETTERS}.
 */
@ApplicationScoped
public class DeadLetterMetrics {
  static final String DEAD_LETTERS = "setpoint.relay.commands.dead.letters";

  private final MetricRegistry registry;
  private final DeadLetterPublisher deadLetters;

  @Inject
  public DeadLetterMetrics(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
      DeadLetterPublisher deadLetters) {
    this.registry = registry;
    this.deadLetters = deadLetters;
  }

  /** For CDI's proxy only. */
  protected DeadLetterMetrics() {
    this.registry = null;
    this.deadLetters = null;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(
        Metadata.builder()
            .withName(DEAD_LETTERS)
            .withDescription("Undecodable commands the dead-letter topic took since start")
            .withUnit(MetricUnits.NONE)
            .build(),
        deadLetters,
        DeadLetterPublisher::sentCount);
  }
}
