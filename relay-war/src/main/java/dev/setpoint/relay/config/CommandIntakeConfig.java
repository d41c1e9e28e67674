package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The command intake: while MongoDB is unreachable a command is held and its store retried, the
 * pause doubling from the first to the last value.
 */
@Dependent
public class CommandIntakeConfig {

  /** The first pause before storing a command again. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.commands.retry-initial", defaultValue = "PT0.5S")
  public Duration retryInitial;

  /** The longest pause between two tries. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.commands.retry-max", defaultValue = "PT30S")
  public Duration retryMax;
}
