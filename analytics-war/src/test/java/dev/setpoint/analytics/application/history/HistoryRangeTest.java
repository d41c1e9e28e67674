package dev.setpoint.analytics.application.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.history.SeriesQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryRangeTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final HistoryRange ranges = new HistoryRange(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void anHourOfADeviceIsRawAndEndsNow() {
    SeriesQuery query = ranges.query("rack-1", null, "1h", null, null);

    assertEquals(NOW, query.to());
    assertEquals(NOW.minus(Duration.ofHours(1)), query.from());
    assertEquals(Optional.empty(), query.interval());
    assertEquals(500, query.limit());
  }

  @Test
  void withoutAnyRangeTheLastHourIsRead() {
    SeriesQuery query = ranges.query("rack-1", null, null, null, null);

    assertEquals(NOW.minus(Duration.ofHours(1)), query.from());
    assertEquals(NOW, query.to());
  }

  @ParameterizedTest
  @CsvSource({"24h, PT5M, 288", "7d, PT30M, 336"})
  void longerRangesAreDownsampledToAtMost500Buckets(String range, String interval, int buckets) {
    SeriesQuery query = ranges.query("rack-1", null, range, null, null);

    Duration width = Duration.parse(interval);
    assertEquals(Optional.of(width), query.interval());
    long count = Duration.between(query.from(), query.to()).toMillis() / width.toMillis();
    assertEquals(buckets, count);
    assertTrue(count <= HistoryRange.MAX_POINTS);
  }

  @ParameterizedTest
  @CsvSource({
    "PT1M, PT10S",
    "PT1H, PT10S",
    "PT1H30M, PT30S",
    "PT4H10M, PT30S",
    "PT4H11M, PT1M",
    "PT8H20M, PT1M",
    "P2D, PT10M",
    "P31D, PT2H"
  })
  void theIntervalIsTheNarrowestThatKeeps500PointsOrFewer(String span, String expected) {
    assertEquals(
        Optional.of(Duration.parse(expected)), HistoryRange.interval(Duration.parse(span), true));
  }

  @Test
  void aSiteIsAlwaysAveragedPerBucketEvenOverAnHour() {
    SeriesQuery query = ranges.query(null, "gwangju", "1h", null, null);

    assertEquals(Optional.of(Duration.ofSeconds(10)), query.interval());
    assertEquals("gwangju", query.site());
    assertEquals(null, query.device());
  }

  @Test
  void fromAndToAcceptIsoInstantsAndEpochMilliseconds() {
    SeriesQuery query = ranges.query("rack-1", null, null, "2026-02-28T12:00:00Z", "1772366400000");

    assertEquals(Instant.parse("2026-02-28T12:00:00Z"), query.from());
    assertEquals(Instant.ofEpochMilli(1772366400000L), query.to());
    assertEquals(Optional.of(Duration.ofMinutes(5)), query.interval());
  }

  @Test
  void fromWithoutToEndsNow() {
    SeriesQuery query = ranges.query("rack-1", null, null, "2026-03-01T11:30:00Z", null);

    assertEquals(NOW, query.to());
    assertEquals(Optional.empty(), query.interval());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "rack-1|null|2h|null|null|range|must be one of 1h, 24h, 7d",
        "rack-1|null|1h|2026-03-01T10:00:00Z|null|range|not both",
        "rack-1|null|null|yesterday|null|from|ISO-8601",
        "rack-1|null|null|2026-03-01T10:00:00Z|soon|to|ISO-8601",
        "rack-1|null|null|2026-03-01T10:00:00Z|2026-03-01T09:00:00Z|to|after from",
        "rack-1|null|null|2026-01-01T00:00:00Z|2026-03-01T00:00:00Z|from|31 days",
        "rack-1|null|null|null|2026-03-01T09:00:00Z|from|required with to",
        "null|null|1h|null|null|device|device or a site is required"
      })
  void aBadParameterIsRefusedNamingIt(
      String device,
      String site,
      String range,
      String from,
      String to,
      String parameter,
      String message) {
    InvalidHistoryRequestException e =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> ranges.query(device, site, range, from, to));

    assertEquals(parameter, e.parameter());
    assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void namesWithControlCharactersOrTooLongAreRefused() {
    InvalidHistoryRequestException control =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> ranges.query("rack\n1", null, "1h", null, null));
    InvalidHistoryRequestException site =
        assertThrows(
            InvalidHistoryRequestException.class,
            () -> ranges.query("rack-1", "a".repeat(257), "1h", null, null));

    assertEquals("device", control.parameter());
    assertEquals("site", site.parameter());
  }
}
