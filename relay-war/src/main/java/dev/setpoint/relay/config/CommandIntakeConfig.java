package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The command intake: while MongoDB is unreachable a command is held and its store retried, the
 * pause doubling from the first to the last value.
 */
@ConfigProperties(prefix = "setpoint.relay.commands")
@Dependent
public class CommandIntakeConfig {

  /** The first pause before storing a command again. */
  @ConfigProperty(name = "retry-initial", defaultValue = "PT0.5S")
  public Duration retryInitial;

  /** The longest pause between two tries. */
  @ConfigProperty(name = "retry-max", defaultValue = "PT30S")
  public Duration retryMax;
}
