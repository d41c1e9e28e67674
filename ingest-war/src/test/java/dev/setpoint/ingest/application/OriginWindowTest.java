package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginWindowTest {
  private static final long NOW_MS = 1_796_256_000_000L; // 2026-12-03
  private static final long NOW = NOW_MS * 1_000_000L;
  private static final long MINUTE = 60_000_000_000L;
  private final OriginWindow window = new OriginWindow(Duration.ofMinutes(5), Duration.ofDays(30));

  private static BufferedEvent event(long origin, long readingOrigin) {
    return new BufferedEvent(
        "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "r1",
        "room-sensor",
        "climate",
        origin,
        List.of(
            new BufferedReading(
                "a9e6d1f8-2b7d-4c38-9d0c-1f0a6f3e2b11",
                readingOrigin,
                "temperature",
                "Float64",
                "21.5",
                "degC")),
        EventState.PENDING,
        NOW_MS,
        null);
  }

  private InvalidEventException refused(long origin, long readingOrigin) {
    return assertThrows(
        InvalidEventException.class, () -> window.check(event(origin, readingOrigin), NOW_MS));
  }

  @Test
  void acceptsOriginsFromTheRetentionUpToTheSkewAhead() {
    assertDoesNotThrow(() -> window.check(event(NOW, NOW), NOW_MS));
    assertDoesNotThrow(() -> window.check(event(NOW + 5 * MINUTE, NOW), NOW_MS));
    assertDoesNotThrow(() -> window.check(event(NOW - Duration.ofDays(30).toNanos(), NOW), NOW_MS));
  }

  @Test
  void refusesAnOriginInNineteenSeventyNamingTheField() {
    InvalidEventException e = refused(1L, NOW);
    assertTrue(e.getMessage().startsWith("event.origin "), e.getMessage());
    assertTrue(e.getMessage().contains("older than"), e.getMessage());
  }

  @Test
  void refusesAnOriginAnHourAheadNamingTheField() {
    InvalidEventException e = refused(NOW + 60 * MINUTE, NOW);
    assertTrue(e.getMessage().startsWith("event.origin "), e.getMessage());
    assertTrue(e.getMessage().contains("ahead"), e.getMessage());
    assertTrue(refused(NOW + 5 * MINUTE + 1, NOW).getMessage().startsWith("event.origin "));
    assertTrue(
        refused(NOW - Duration.ofDays(30).toNanos() - 1, NOW)
            .getMessage()
            .startsWith("event.origin "));
  }

  @Test
  void checksEachReadingsOriginToo() {
    InvalidEventException e = refused(NOW, NOW + 6 * MINUTE);
    assertTrue(e.getMessage().startsWith("event.readings[0].origin "), e.getMessage());
  }

  @Test
  void aHugeToleranceDoesNotOverflow() {
    OriginWindow wide = new OriginWindow(Duration.ofDays(365L * 400), Duration.ofDays(30));
    assertDoesNotThrow(() -> wide.check(event(Long.MAX_VALUE, NOW), NOW_MS));
  }
}
