package dev.setpoint.model.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleWindowTest {
  static ClimateSample at(long second) {
    return new ClimateSample(Instant.ofEpochSecond(second), 24, 40, 10, 60, 3, 22);
  }

  @Test
  void keepsOneSamplePerIntervalFromFasterTelemetry() {
    SampleWindow w = new SampleWindow(Duration.ofSeconds(60));
    int kept = 0;
    for (long t = 0; t <= 600; t += 10) {
      if (w.offer(at(t))) {
        kept++;
      }
    }
    assertEquals(11, kept);
    assertEquals(6, w.samples().size());
    assertEquals(Instant.ofEpochSecond(300), w.samples().getFirst().time());
    assertEquals(WindowStatus.READY, w.status(Instant.ofEpochSecond(630), Duration.ofMinutes(3)));
  }

  @Test
  void incompleteStaleAndGaps() {
    SampleWindow w = new SampleWindow(Duration.ofSeconds(60));
    for (long t = 0; t < 300; t += 60) {
      w.offer(at(t));
    }
    assertEquals(
        WindowStatus.INCOMPLETE, w.status(Instant.ofEpochSecond(300), Duration.ofMinutes(3)));
    w.offer(at(300));
    assertEquals(WindowStatus.READY, w.status(Instant.ofEpochSecond(300), Duration.ofMinutes(3)));
    assertEquals(WindowStatus.STALE, w.status(Instant.ofEpochSecond(600), Duration.ofMinutes(3)));
    w.offer(at(600)); // a 5-minute gap
    assertEquals(
        WindowStatus.INCOMPLETE, w.status(Instant.ofEpochSecond(600), Duration.ofMinutes(3)));
  }

  @Test
  void dropsIncompleteSamples() {
    SampleWindow w = new SampleWindow();
    assertFalse(w.offer(new ClimateSample(Instant.EPOCH, Double.NaN, 40, 10, 60, 3, 22)));
    assertFalse(w.offer(new ClimateSample(Instant.EPOCH, 24, 40, 10, 60, 0, 22)));
    assertTrue(w.samples().isEmpty());
  }
}
