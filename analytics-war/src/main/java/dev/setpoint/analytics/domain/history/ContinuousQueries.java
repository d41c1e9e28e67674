package dev.setpoint.analytics.domain.history;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backfill of a roll-up: the very {@code SELECT ... INTO} an InfluxDB 1.x continuous query
 * holds, bounded to a past window. InfluxDB runs a continuous query only over its own recent
 * window; running the query's own text over an older one is the one definition of the roll-up for
 * both.
 */
public final class ContinuousQueries {
  private ContinuousQueries() {}

  /**
   * The continuous query's SELECT ... INTO over {@code [from, to)}: its body between BEGIN and END
   * with the time bounds put before its GROUP BY (a roll-up has no WHERE of its own; InfluxDB adds
   * its window there).
   *
   * @throws IllegalArgumentException when the text is not such a continuous query
   */
  public static String backfill(String continuousQuery, Instant from, Instant to) {
    int begin = continuousQuery.indexOf(" BEGIN ");
    int end = continuousQuery.lastIndexOf(" END");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a continuous query: " + continuousQuery);
    }
    String select = continuousQuery.substring(begin + " BEGIN ".length(), end);
    int group = select.lastIndexOf(" GROUP BY ");
    if (group < 0 || select.contains(" WHERE ")) {
      throw new IllegalArgumentException("a roll-up groups by time and has no WHERE: " + select);
    }
    return select.substring(0, group)
        + " WHERE time >= "
        + from.toEpochMilli()
        + "ms AND time < "
        + to.toEpochMilli()
        + "ms"
        + select.substring(group);
  }

  /** A continuous query's name and its text. */
  public record Named(String name, String text) {}

  private static final Pattern CREATE =
      Pattern.compile(
          "^CREATE CONTINUOUS QUERY \"?([^\" ]+)\"? ON \"?([^\" ]+)\"? .*", Pattern.DOTALL);

  /**
   * The continuous query this text creates on {@code database}, or null when it is not one (another
   * column of the answer, or another database's query).
   */
  public static Named named(String text, String database) {
    Matcher m = CREATE.matcher(text);
    if (!m.matches() || !m.group(2).equals(database)) {
      return null;
    }
    return new Named(m.group(1), text);
  }

  /** Whether the continuous query makes a 1-minute roll-up (it runs before the hourly ones). */
  public static boolean perMinute(String name) {
    return name.endsWith("_1m");
  }
}
