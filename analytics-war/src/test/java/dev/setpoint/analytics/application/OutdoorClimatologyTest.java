package dev.setpoint.analytics.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutdoorClimatologyTest {
  private static final Instant MIDNIGHT = Instant.parse("2026-07-01T00:00:00Z");

  /** A reading a minute for {@code hours}, the temperature 20 + the hour of day. */
  private static void feed(OutdoorClimatology c, Instant from, int hours, double offset) {
    for (int minute = 0; minute < hours * 60; minute++) {
      Instant t = from.plus(Duration.ofMinutes(minute));
      int hour = (int) ((t.getEpochSecond() / 3600) % 24);
      c.observe(t, 20 + hour + offset, 50);
    }
  }

  @Test
  void anHourIsKnownOnceItWasSeenWhole() {
    OutdoorClimatology c = new OutdoorClimatology();
    assertTrue(c.at(MIDNIGHT).isEmpty());
    feed(c, MIDNIGHT, 1, 0);
    assertTrue(c.at(MIDNIGHT.plus(Duration.ofMinutes(59))).isEmpty(), "hour 0 is still open");
    assertArrayEquals(new double[] {20, 50}, c.at(MIDNIGHT.plus(Duration.ofDays(1))).orElseThrow());
    assertTrue(c.at(MIDNIGHT.plus(Duration.ofHours(5))).isEmpty(), "hour 5 was never seen");
  }

  @Test
  void eachHourOfTheDayHasItsOwnProfileThatFollowsNewDays() {
    OutdoorClimatology c = new OutdoorClimatology();
    feed(c, MIDNIGHT, 25, 0);
    Instant dayTwo = MIDNIGHT.plus(Duration.ofDays(1));
    assertEquals(34.0, c.at(dayTwo.plus(Duration.ofHours(14))).orElseThrow()[0], 1e-9);
    assertEquals(23.0, c.at(dayTwo.plus(Duration.ofHours(3))).orElseThrow()[0], 1e-9);
    // A day 5 K warmer moves the profile a fifth of the way.
    feed(c, dayTwo.plus(Duration.ofHours(1)), 24, 5);
    assertEquals(
        34.0 + OutdoorClimatology.WEIGHT * 5,
        c.at(dayTwo.plus(Duration.ofDays(1)).plus(Duration.ofHours(14))).orElseThrow()[0],
        1e-9);
  }
}
