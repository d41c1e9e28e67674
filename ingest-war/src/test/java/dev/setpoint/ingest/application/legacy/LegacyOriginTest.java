package dev.setpoint.ingest.application.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LegacyOriginTest {
  private static final long NOW_MS = 1_795_852_800_000L; // 2026-11-28T...
  private static final long SKEW_MS = 86_400_000L;

  @Test
  void millisecondsBecomeNanoseconds() {
    assertEquals(
        new LegacyOrigin((NOW_MS - 5_000) * 1_000_000L, false),
        LegacyOrigin.of(NOW_MS - 5_000, NOW_MS, SKEW_MS));
  }

  @Test
  void microsecondsAndNanosecondsAreToldByMagnitude() {
    long nanos = (NOW_MS - 1) * 1_000_000L;
    assertEquals(new LegacyOrigin(nanos, false), LegacyOrigin.of(nanos, NOW_MS, SKEW_MS));
    assertEquals(new LegacyOrigin(nanos, false), LegacyOrigin.of(nanos / 1_000L, NOW_MS, SKEW_MS));
  }

  @Test
  void theScriptsFixedOriginIsReplacedByTheTimeOfReceipt() {
    assertEquals(
        new LegacyOrigin(NOW_MS * 1_000_000L, true),
        LegacyOrigin.of(1471806386919L, NOW_MS, SKEW_MS));
  }

  @Test
  void absentZeroAndOverflowingOriginsUseTheTimeOfReceipt() {
    LegacyOrigin now = new LegacyOrigin(NOW_MS * 1_000_000L, true);
    assertEquals(now, LegacyOrigin.of(null, NOW_MS, SKEW_MS));
    assertEquals(now, LegacyOrigin.of(0L, NOW_MS, SKEW_MS));
    assertEquals(now, LegacyOrigin.of(-5L, NOW_MS, SKEW_MS));
    assertEquals(now, LegacyOrigin.of(99_999_999_999_999L, NOW_MS, SKEW_MS));
  }
}
