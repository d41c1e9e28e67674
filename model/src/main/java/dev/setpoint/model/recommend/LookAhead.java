package dev.setpoint.model.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A look-ahead model's horizons, from its ONNX metadata: {@value #OUTPUT_KEY} names the output that
 * holds every row's inlet at each horizon, {@value #HORIZONS_KEY} lists the horizons in seconds,
 * ascending, comma-separated (written by the trainer). A model without them predicts one horizon.
 *
 * @param output the look-ahead output's name
 * @param horizons its columns' horizons, ascending
 */
public record LookAhead(String output, List<Duration> horizons) {
  /** The metadata key naming the look-ahead output. */
  public static final String OUTPUT_KEY = "lookahead_output";

  /** The metadata key listing its horizons, s. */
  public static final String HORIZONS_KEY = "lookahead_s";

  /** Most horizons a model may have: more would be a mistake, not a longer look. */
  public static final int MAX_HORIZONS = 12;

  public LookAhead {
    horizons = List.copyOf(horizons);
  }

  /**
   * The look-ahead a model's metadata declares, or empty when it declares none.
   *
   * @throws IllegalArgumentException when it declares one that cannot be read (the model is then
   *     not to be served: it would be judged on horizons nobody knows)
   */
  public static Optional<LookAhead> fromMetadata(Map<String, String> metadata) {
    String output = metadata.get(OUTPUT_KEY);
    String list = metadata.get(HORIZONS_KEY);
    if (output == null && list == null) {
      return Optional.empty();
    }
    if (output == null || output.isBlank() || list == null) {
      throw new IllegalArgumentException(
          "the metadata needs both " + OUTPUT_KEY + " and " + HORIZONS_KEY + " or neither");
    }
    List<Duration> horizons = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      long seconds;
      try {
        seconds = Long.parseLong(part.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(HORIZONS_KEY + " is not a list of seconds: " + list);
      }
      Duration h = Duration.ofSeconds(seconds);
      if (seconds <= 0 || (!horizons.isEmpty() && h.compareTo(horizons.getLast()) <= 0)) {
        throw new IllegalArgumentException(
            HORIZONS_KEY + " must be positive seconds, ascending: " + list);
      }
      horizons.add(h);
    }
    if (horizons.size() > MAX_HORIZONS) {
      throw new IllegalArgumentException(HORIZONS_KEY + " has more than " + MAX_HORIZONS);
    }
    return Optional.of(new LookAhead(output, horizons));
  }

  /** The longest horizon: a prediction holds, and is checked, until then. */
  public Duration longest() {
    return horizons.getLast();
  }
}
