package dev.setpoint.analytics.domain;

import java.time.Instant;
import java.util.Map;

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
 */
public record ModelInfo(
    String version,
    String source,
    Instant loadedAt,
    String input,
    String output,
    int features,
    Map<String, String> metadata) {

  public ModelInfo {
    metadata = Map.copyOf(metadata);
  }
}
