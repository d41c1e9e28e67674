package dev.setpoint.analytics.infrastructure.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.infrastructure.influx.RawRetention.Part;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawRetentionTest {
  private static final Instant NOW = Instant.parse("2026-12-04T22:17:30Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private final RawRetention retention =
      new RawRetention(Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

  /** Raw points are certainly kept from 2026-11-04T22:17:30Z; in hours, from 23:00. */
  private static final Instant CUT = Instant.parse("2026-11-04T23:00:00Z");

  @Test
  void aRangeInsideTheRawRetentionIsReadRaw() {
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    assertEquals(List.of(new Part(from, NOW, false)), retention.parts(from, NOW, HOUR));
  }

  @Test
  void aRangeOlderThanTheRawRetentionIsReadFromTheRollUp() {
    Instant from = Instant.parse("2026-09-01T00:00:00Z");
    Instant to = Instant.parse("2026-10-01T00:00:00Z");
    assertEquals(List.of(new Part(from, to, true)), retention.parts(from, to, HOUR));
  }

  @Test
  void aRangeAcrossTheCutIsSplitAtAWholeBucket() {
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-01T00:00:00Z");
    assertEquals(
        List.of(new Part(from, CUT, true), new Part(CUT, to, false)),
        retention.parts(from, to, HOUR));
    // In minutes the cut is the next whole minute after the oldest raw point certainly kept.
    Instant minute = Instant.parse("2026-11-04T22:18:00Z");
    assertEquals(
        List.of(new Part(from, minute, true), new Part(minute, to, false)),
        retention.parts(from, to, Duration.ofMinutes(1)));
  }

  @Test
  void anEmptyRangeHasNoParts() {
    assertEquals(List.of(), retention.parts(CUT, CUT, HOUR));
    assertEquals(List.of(), retention.parts(NOW, CUT, HOUR));
  }
}
