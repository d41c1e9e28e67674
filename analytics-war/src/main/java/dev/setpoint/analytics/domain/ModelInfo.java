package dev.setpoint.analytics.domain;

import dev.setpoint.model.recommend.LookAhead;
import dev.setpoint.model.recommend.PowerHead;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about the loaded model.
 *
 * @param version the model's {@code model_version} metadata, or a hash of the file when it has none
 * @param source where it was loaded from (a file path, or the bootstrap model packaged in the WAR)
 * @param loadedAt when it was loaded
 * @param input the input tensor's name
 * @param output the output tensor's name
 * @param features values per input row
 * @param metadata the model's metadata_props
 * @param lookAhead the look-ahead output and its horizons, checked; empty for a one-horizon model
 * @param powerHead the power output and its horizon, checked; empty for a model that predicts no
 *     power
 */
public record ModelInfo(
    String version,
    String source,
    Instant loadedAt,
    String input,
    String output,
    int features,
    Map<String, String> metadata,
    Optional<LookAhead> lookAhead,
    Optional<PowerHead> powerHead) {

  public ModelInfo {
    metadata = Map.copyOf(metadata);
  }
}
