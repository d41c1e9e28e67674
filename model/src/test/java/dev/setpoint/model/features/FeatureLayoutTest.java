package dev.setpoint.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureLayoutTest {
  static List<ClimateSample> window(double setpoint) {
    List<ClimateSample> w = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      w.add(
          new ClimateSample(
              Instant.ofEpochSecond(60L * i), 20 + i, 40 + i, 10 + i, 60 + i, 1 + i, setpoint));
    }
    return w;
  }

  @Test
  void thirtySevenFeaturesOldestFirstCandidateLast() {
    assertEquals(37, FeatureLayout.FEATURES);
    assertEquals(37, FeatureLayout.NAMES.size());
    assertEquals("t-5.indoor_temperature", FeatureLayout.NAMES.get(0));
    assertEquals("t.setpoint", FeatureLayout.NAMES.get(35));
    assertEquals("candidate_setpoint", FeatureLayout.NAMES.get(36));
    float[] row = FeatureLayout.row(window(23), 24.5);
    assertEquals(20f, row[FeatureLayout.index(0, FeatureLayout.INDOOR_TEMPERATURE_OFFSET)]);
    assertEquals(25f, row[FeatureLayout.index(5, FeatureLayout.INDOOR_TEMPERATURE_OFFSET)]);
    assertEquals(45f, row[31]);
    assertEquals(15f, row[32]);
    assertEquals(65f, row[33]);
    assertEquals(6f, row[34]);
    assertEquals(23f, row[35]);
    assertEquals(24.5f, row[36]);
  }

  @Test
  void aBatchHasOneRowPerCandidate() {
    float[] batch = FeatureLayout.batch(window(22), new double[] {18, 18.5, 19});
    assertEquals(3 * 37, batch.length);
    assertEquals(18f, batch[36]);
    assertEquals(18.5f, batch[37 + 36]);
    assertEquals(19f, batch[2 * 37 + 36]);
    assertEquals(batch[5], batch[37 + 5]);
  }

  @Test
  void aWindowMustHaveSixSamples() {
    assertThrows(
        IllegalArgumentException.class, () -> FeatureLayout.row(window(22).subList(0, 5), 20));
  }
}
