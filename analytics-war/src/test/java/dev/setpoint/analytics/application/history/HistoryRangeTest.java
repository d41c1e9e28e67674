package dev.setpoint.analytics.application.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.history.Resolution;
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
  private final HistoryRange ranges =
      new HistoryRange(Clock.fixed(NOW, ZoneOffset.UTC), Retention.DEFAULT);

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
    "P31D, PT2H",
    "P365D, P1D",
    "P730D, P2D"
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
        "rack-1|null|2h|null|null|range|must be one of 1h, 24h, 7d, 30d, 1y",
        "rack-1|null|1h|2026-03-01T10:00:00Z|null|range|not both",
        "rack-1|null|null|yesterday|null|from|ISO-8601",
        "rack-1|null|null|2026-03-01T10:00:00Z|soon|to|ISO-8601",
        "rack-1|null|null|2026-03-01T10:00:00Z|2026-03-01T09:00:00Z|to|after from",
        "rack-1|null|null|2024-02-28T00:00:00Z|2026-03-01T00:00:00Z|from|730 days",
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

  /**
   * The stored copy per range with the 500-point budget: raw while the buckets are under a minute,
   * the 1-minute roll-up while they are under an hour, the 1-hour roll-up beyond.
   */
  @ParameterizedTest
  @CsvSource({
    "1h, raw, ",
    "24h, 1m, 5m",
    "7d, 1m, 30m",
    "30d, 1h, 2h",
    "1y, 1h, 1d",
  })
  void eachRangeReadsTheCoarsestStoredCopyItsBucketsAllow(
      String range, String resolution, String interval) {
    SeriesQuery query = ranges.query("rack-1", null, range, null, null);

    assertEquals(resolution, query.resolution().code());
    assertEquals(
        Optional.ofNullable(interval), query.interval().map(HistoryService::influxDuration));
  }

  @ParameterizedTest
  @CsvSource({
    "PT4H10M, raw, PT30S",
    "PT4H11M, 1m, PT1M",
    "P10DT10H, 1m, PT30M",
    "P10DT10H1M, 1h, PT1H",
  })
  void theCrossoversFollowThePointBudget(String span, String resolution, String interval) {
    SeriesQuery query =
        ranges.query("rack-1", null, null, NOW.minus(Duration.parse(span)).toString(), null);

    assertEquals(resolution, query.resolution().code());
    assertEquals(Optional.of(Duration.parse(interval)), query.interval());
  }

  @Test
  void anHourOlderThanTheRawRetentionIsReadFromTheMinuteRollUpNotEmptyRawPoints() {
    Instant from = NOW.minus(Duration.ofDays(40));

    SeriesQuery query =
        ranges.query("rack-1", null, null, from.toString(), from.plusSeconds(3600).toString());

    assertEquals(Resolution.MINUTE, query.resolution());
    assertEquals(Optional.of(Duration.ofMinutes(1)), query.interval());
  }

  @Test
  void aRangeStartingJustInsideTheRawRetentionMayStillBeRaw() {
    Instant from = NOW.minus(Duration.ofDays(30));

    SeriesQuery query =
        ranges.query("rack-1", null, null, from.toString(), from.plusSeconds(1800).toString());

    assertEquals(Resolution.RAW, query.resolution());
  }

  @Test
  void aShorterRawRetentionMovesOldRangesToTheRollUps() {
    HistoryRange week =
        new HistoryRange(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new Retention(Duration.ofDays(7), Duration.ofDays(730)));
    String from = NOW.minus(Duration.ofDays(8)).toString();

    SeriesQuery query =
        week.query(
            null,
            "gwangju",
            null,
            from,
            NOW.minus(Duration.ofDays(8)).plusSeconds(7200).toString());

    assertEquals(Resolution.MINUTE, query.resolution());
    assertEquals(Optional.of(Duration.ofMinutes(1)), query.interval());
  }

  @Test
  void aRetentionShorterForRollUpsThanForRawPointsIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Retention(Duration.ofDays(30), Duration.ofDays(7)));
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
