package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The thermal model ({@code setpoint.analytics.model.*}, README "Model"). Unset path: the bootstrap
 * model packaged in this WAR. A path is polled for changes every poll interval and reloaded; an
 * invalid file is never served, the current model stays.
 */
@Dependent
public class ModelConfig {
  /** The ONNX file to serve and watch; unset or blank: the bootstrap model in the WAR. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.model.path")
  public Optional<String> path;

  /** How often the file is checked for a change; zero or negative: never. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.model.poll-interval", defaultValue = "PT5S")
  public Duration pollInterval;
}
