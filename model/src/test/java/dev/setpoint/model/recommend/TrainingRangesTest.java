package dev.setpoint.model.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.features.ClimateSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingRangesTest {
  private static final TrainingRanges RANGES = new TrainingRanges(19.2, 31.8, -7.2, 34.5);

  private static ClimateSample sample(double indoor, double outdoor) {
    return new ClimateSample(Instant.EPOCH, indoor, 45, outdoor, 70, 1, 22);
  }

  @Test
  void readsTheRangesTheTrainerWritesIntoTheModel() {
    assertEquals(
        Optional.of(RANGES),
        TrainingRanges.fromMetadata(
            Map.of(
                "indoor_temperature_range", "19.2000..31.8000",
                "outdoor_temperature_range", "-7.2000..34.5000")));
  }

  @Test
  void aMissingOrUnreadableRangeIsNoRange() {
    assertTrue(TrainingRanges.fromMetadata(Map.of()).isEmpty());
    for (String bad : List.of("", "19", "19..x", "31..19", "NaN..3", "1..2..3")) {
      assertTrue(
          TrainingRanges.fromMetadata(
                  Map.of("indoor_temperature_range", bad, "outdoor_temperature_range", "-7..34"))
              .isEmpty(),
          bad);
    }
  }

  @Test
  void aSampleBeyondARangeByMoreThanTheToleranceIsOutside() {
    assertTrue(RANGES.outside(List.of(sample(25, 20), sample(32.7, 35.4))).isEmpty());
    assertEquals(
        Optional.of(
            "outdoor temperature -8.5 °C is outside the model's training range -7.2..34.5 °C"),
        RANGES.outside(List.of(sample(25, 20), sample(25, -8.5))));
    assertEquals(
        Optional.of(
            "indoor temperature 33.0 °C is outside the model's training range 19.2..31.8 °C"),
        RANGES.outside(List.of(sample(33.0, 20))));
  }
}
