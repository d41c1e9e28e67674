package dev.setpoint.model.recommend;

import dev.setpoint.model.features.ClimateSample;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The indoor and outdoor temperatures a model was trained on, from its ONNX metadata ({@code
 * indoor_temperature_range}, {@code outdoor_temperature_range}, each {@code min..max} in °C,
 * written by the trainer). A window with a sample beyond them, by more than {@link #TOLERANCE_C},
 * is out of the model's distribution: its predictions there are an extrapolation nobody checked, so
 * the policy does not act on them.
 *
 * @param indoorMinC lowest trained indoor (inlet) temperature, °C
 * @param indoorMaxC highest trained indoor temperature, °C
 * @param outdoorMinC lowest trained outdoor temperature, °C
 * @param outdoorMaxC highest trained outdoor temperature, °C
 */
public record TrainingRanges(
    double indoorMinC, double indoorMaxC, double outdoorMinC, double outdoorMaxC) {

  /** The metadata key of the indoor range. */
  public static final String INDOOR = "indoor_temperature_range";

  /** The metadata key of the outdoor range. */
  public static final String OUTDOOR = "outdoor_temperature_range";

  /** How far beyond a trained range a value may lie and still count as inside, °C. */
  public static final double TOLERANCE_C = 1.0;

  /** The ranges in a model's metadata, or empty when either is missing or unreadable. */
  public static Optional<TrainingRanges> fromMetadata(Map<String, String> metadata) {
    double[] indoor = parse(metadata.get(INDOOR));
    double[] outdoor = parse(metadata.get(OUTDOOR));
    if (indoor == null || outdoor == null) {
      return Optional.empty();
    }
    return Optional.of(new TrainingRanges(indoor[0], indoor[1], outdoor[0], outdoor[1]));
  }

  private static double[] parse(String range) {
    if (range == null) {
      return null;
    }
    String[] bounds = range.split("\\.\\.", -1);
    if (bounds.length != 2) {
      return null;
    }
    try {
      double min = Double.parseDouble(bounds[0].trim());
      double max = Double.parseDouble(bounds[1].trim());
      return Double.isFinite(min) && Double.isFinite(max) && min <= max
          ? new double[] {min, max}
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Why the window is out of the trained ranges (naming the first value beyond them), or empty when
   * every sample lies within them give or take {@link #TOLERANCE_C}.
   */
  public Optional<String> outside(List<ClimateSample> window) {
    for (ClimateSample s : window) {
      Optional<String> why =
          beyond("indoor temperature", s.indoorTemperatureC(), indoorMinC, indoorMaxC)
              .or(
                  () ->
                      beyond(
                          "outdoor temperature",
                          s.outdoorTemperatureC(),
                          outdoorMinC,
                          outdoorMaxC));
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> beyond(String what, double value, double min, double max) {
    if (value >= min - TOLERANCE_C && value <= max + TOLERANCE_C) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s %.1f °C is outside the model's training range %.1f..%.1f °C",
            what,
            value,
            min,
            max));
  }
}
