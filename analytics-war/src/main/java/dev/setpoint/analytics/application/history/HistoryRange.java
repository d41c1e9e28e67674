package dev.setpoint.analytics.application.history;

import dev.setpoint.analytics.domain.history.Resolution;
import dev.setpoint.analytics.domain.history.SeriesQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the history API's parameters into a {@link SeriesQuery}: a named range ({@code 1h}, {@code
 * 24h}, {@code 7d}, {@code 30d}, {@code 1y}) ending now, or {@code from}/{@code to} (ISO-8601
 * instants or epoch milliseconds), the downsampling interval that keeps a series at or under
 * {@value #MAX_POINTS} points, and the stored {@link Resolution} to read it from. Every refusal
 * names its parameter.
 *
 * <p>The resolution is the coarsest stored copy no wider than the interval: the chart cannot show
 * anything finer, and each of its buckets then reads at most 30 raw points (30 s interval over 10 s
 * reporting: 3), 30 minutes or 24 hours, so a chart reads at most about 15,000 rows whatever its
 * range. With {@value #MAX_POINTS} points that is raw up to 4 h 10 min, the 1-minute roll-up up to
 * 10 days 10 h, the 1-hour roll-up beyond: a year's chart reads 8,760 hours, not 3 million raw
 * points. A range reaching further back than the raw retention never reads raw points (they are
 * gone); one reaching further back than the roll-up retention is refused.
 */
public final class HistoryRange {
  /** Most points a series returns; a chart of 500 points is still readable and quick. */
  public static final int MAX_POINTS = 500;

  /**
   * Up to this span a device's points are returned raw: at the 10 s telemetry interval an hour is
   * 360 points, and raw points are what an operator checks a reading against.
   */
  public static final Duration RAW_SPAN = Duration.ofHours(1);

  static final int MAX_NAME_LENGTH = 256;

  static final Map<String, Duration> RANGES =
      Map.of(
          "1h",
          Duration.ofHours(1),
          "24h",
          Duration.ofHours(24),
          "7d",
          Duration.ofDays(7),
          "30d",
          Duration.ofDays(30),
          "1y",
          Duration.ofDays(365));

  /** Bucket widths InfluxQL's GROUP BY time() is given, narrowest first. */
  static final List<Duration> INTERVALS =
      List.of(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7));

  private final Clock clock;
  private final Retention retention;

  public HistoryRange(Clock clock, Retention retention) {
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * The query for these parameters; null or blank parameters count as absent. Without any range
   * parameter the last hour is read.
   *
   * @throws InvalidHistoryRequestException naming the parameter at fault
   */
  public SeriesQuery query(String device, String site, String range, String from, String to) {
    device = blankToNull(device);
    site = blankToNull(site);
    range = blankToNull(range);
    from = blankToNull(from);
    to = blankToNull(to);
    checkName("device", device);
    checkName("site", site);
    if (device == null && site == null) {
      throw new InvalidHistoryRequestException("device", "a device or a site is required");
    }
    Instant start;
    Instant end;
    if (range != null) {
      if (from != null || to != null) {
        throw new InvalidHistoryRequestException("range", "give either range or from/to, not both");
      }
      Duration span = RANGES.get(range);
      if (span == null) {
        throw new InvalidHistoryRequestException(
            "range", "must be one of 1h, 24h, 7d, 30d, 1y, not '" + printable(range) + "'");
      }
      end = clock.instant();
      start = end.minus(span);
    } else if (from != null) {
      start = instant("from", from);
      end = to == null ? clock.instant() : instant("to", to);
      if (!end.isAfter(start)) {
        throw new InvalidHistoryRequestException("to", "must be after from");
      }
    } else if (to != null) {
      throw new InvalidHistoryRequestException("from", "is required with to");
    } else {
      end = clock.instant();
      start = end.minus(RANGES.get("1h"));
    }
    Instant now = clock.instant();
    if (start.isBefore(now.minus(retention.rollups()))) {
      throw new InvalidHistoryRequestException(
          "from",
          "is older than the roll-ups are kept ("
              + retention.rollups().toDays()
              + " days); nothing is stored for it");
    }
    Optional<Duration> interval = interval(Duration.between(start, end), device == null);
    Resolution resolution = resolution(interval, !start.isBefore(now.minus(retention.raw())));
    if (resolution != Resolution.RAW
        && interval.map(i -> i.compareTo(resolution.step()) < 0).orElse(true)) {
      interval = Optional.of(resolution.step());
    }
    return new SeriesQuery(device, site, start, end, interval, MAX_POINTS, resolution);
  }

  /**
   * The coarsest stored copy no wider than the interval (raw for raw points), but never raw when
   * the range starts before the raw retention: those points are gone, and the roll-ups hold the
   * range instead (the caller widens the interval to the roll-up's bucket).
   */
  static Resolution resolution(Optional<Duration> interval, boolean rawKept) {
    Resolution chosen = Resolution.RAW;
    if (interval.isPresent()) {
      for (Resolution candidate : Resolution.values()) {
        if (candidate.step().compareTo(interval.get()) <= 0) {
          chosen = candidate;
        }
      }
    }
    return chosen == Resolution.RAW && !rawKept ? Resolution.MINUTE : chosen;
  }

  /**
   * Raw points for a device over at most {@link #RAW_SPAN}; otherwise the narrowest interval of
   * {@link #INTERVALS} that keeps the span at or under {@link #MAX_POINTS} buckets. A site's
   * devices are always averaged per bucket, so a site always gets an interval.
   */
  static Optional<Duration> interval(Duration span, boolean wholeSite) {
    if (!wholeSite && span.compareTo(RAW_SPAN) <= 0) {
      return Optional.empty();
    }
    for (Duration candidate : INTERVALS) {
      if (span.toMillis() <= candidate.toMillis() * MAX_POINTS) {
        return Optional.of(candidate);
      }
    }
    return Optional.of(INTERVALS.getLast());
  }

  /**
   * An ISO-8601 instant or epoch milliseconds.
   *
   * @throws InvalidHistoryRequestException naming the parameter when it is neither
   */
  public static Instant instant(String parameter, String value) {
    if (value.chars().allMatch(Character::isDigit) && value.length() <= 15) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidHistoryRequestException(
          parameter,
          "must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds, not '"
              + printable(value)
              + "'");
    }
  }

  /**
   * Names reach InfluxQL only as escaped string literals (see the InfluxQL builder); refusing
   * control characters here keeps them out of error messages and logs as well.
   */
  private static void checkName(String parameter, String value) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new InvalidHistoryRequestException(
          parameter, "is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidHistoryRequestException(parameter, "must not contain control characters");
    }
  }

  private static String printable(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
