package dev.setpoint.model.recommend;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model's power head, from its ONNX metadata: {@value #OUTPUT_KEY} names the output holding each
 * row's predicted mean power a setpoint can change (cooling plus server fans above idle, kW, {@code
 * [N, 1]}), {@value #HORIZON_KEY} the seconds it averages over with the candidate held (written by
 * the trainer). A model without them predicts no power; the policy then takes the highest safe
 * setpoint, which is the cheapest wherever energy falls as the setpoint rises.
 *
 * @param output the power output's name
 * @param horizon how long the mean runs
 */
public record PowerHead(String output, Duration horizon) {
  /** The metadata key naming the power output. */
  public static final String OUTPUT_KEY = "power_output";

  /** The metadata key giving its horizon, s. */
  public static final String HORIZON_KEY = "power_horizon_s";

  /**
   * The power head a model's metadata declares, or empty when it declares none.
   *
   * @throws IllegalArgumentException when it declares one that cannot be read
   */
  public static Optional<PowerHead> fromMetadata(Map<String, String> metadata) {
    String output = metadata.get(OUTPUT_KEY);
    String seconds = metadata.get(HORIZON_KEY);
    if (output == null && seconds == null) {
      return Optional.empty();
    }
    if (output == null || output.isBlank() || seconds == null) {
      throw new IllegalArgumentException(
          "the metadata needs both " + OUTPUT_KEY + " and " + HORIZON_KEY + " or neither");
    }
    long s;
    try {
      s = Long.parseLong(seconds.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(HORIZON_KEY + " is not a number of seconds: " + seconds);
    }
    if (s <= 0) {
      throw new IllegalArgumentException(HORIZON_KEY + " must be positive: " + seconds);
    }
    return Optional.of(new PowerHead(output, Duration.ofSeconds(s)));
  }
}
