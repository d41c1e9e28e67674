package dev.setpoint.analytics.infrastructure.history;

import dev.setpoint.analytics.application.history.HistoryService;
import dev.setpoint.analytics.domain.history.Resolution;
import dev.setpoint.analytics.domain.history.SeriesQuery;
import dev.setpoint.analytics.infrastructure.influx.RawRetention;
import dev.setpoint.model.influxql.InfluxQl;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The InfluxQL statements of the history reads, over measurement {@value #CLIMATE} (tags {@code
 * device}, {@code site}) as analytics writes it and {@value #RECOMMENDATION} as its recommender
 * writes it. Times are compared as epoch milliseconds ({@code 1700000000000ms}).
 *
 * <p>Raw points are in the database's default retention policy ({@code raw}); the roll-ups in
 * {@value #MINUTE_POLICY} and {@value #HOUR_POLICY}, same measurement and tags, with fields {@code
 * mean_<field>}, {@code min_<field>}, {@code max_<field>}, {@code sum_<counter>} (the energy of the
 * bucket) and {@code last_weather_category}, as the continuous queries of {@code stack/influx.sh}
 * and the tasks of {@code k8s/base/influxdb} write them. A roll-up read in wider buckets averages
 * the buckets' means.
 */
final class InfluxQlStatements {
  static final String CLIMATE = "climate";
  static final String RECOMMENDATION = "recommendation";
  static final String MINUTE_POLICY = RawRetention.MINUTE_ROLLUP;
  static final String HOUR_POLICY = RawRetention.HOUR_ROLLUP;

  /** Numeric fields averaged per bucket when downsampling. */
  static final List<String> MEAN_FIELDS =
      List.of("temperature", "humidity", "outdoor_temperature", "outdoor_humidity");

  /** Fields whose bucket value is the last one: a category or a setpoint has no sensible mean. */
  static final List<String> LAST_FIELDS = List.of("weather_category", "current_setpoint");

  static final List<String> RECOMMENDATION_FIELDS =
      List.of(
          "recommended",
          "predicted",
          "model_version",
          "reason",
          "current_setpoint",
          "predicted_current",
          "predicted_power",
          "predicted_power_current");

  private InfluxQlStatements() {}

  /**
   * Raw: the newest {@code limit} points of the range, newest first (the store reverses them).
   * Downsampled: means per bucket, empty buckets left out.
   */
  static String climate(SeriesQuery query) {
    if (query.resolution() != Resolution.RAW) {
      return rollup(query);
    }
    StringBuilder statement = new StringBuilder("SELECT ");
    if (query.interval().isEmpty()) {
      statement.append(
          java.util.stream.Stream.concat(MEAN_FIELDS.stream(), LAST_FIELDS.stream())
              .map(InfluxQl::identifier)
              .collect(Collectors.joining(", ")));
    } else {
      statement.append(
          java.util.stream.Stream.concat(
                  MEAN_FIELDS.stream().map(f -> InfluxQl.aggregate("mean", f)),
                  LAST_FIELDS.stream().map(f -> InfluxQl.aggregate("last", f)))
              .collect(Collectors.joining(", ")));
    }
    statement
        .append(" FROM ")
        .append(InfluxQl.identifier(CLIMATE))
        .append(" WHERE ")
        .append(where(query.device(), query.site()))
        .append(" AND time >= ")
        .append(millis(query.from()))
        .append(" AND time <= ")
        .append(millis(query.to()));
    query
        .interval()
        .ifPresentOrElse(
            interval ->
                statement
                    .append(" GROUP BY time(")
                    .append(HistoryService.influxDuration(interval))
                    .append(") fill(none)"),
            () -> statement.append(" ORDER BY time DESC LIMIT ").append(query.limit()));
    return statement.toString();
  }

  /** Means per bucket of a roll-up's means; the category and the setpoint as their last value. */
  private static String rollup(SeriesQuery query) {
    String policy = query.resolution() == Resolution.HOUR ? HOUR_POLICY : MINUTE_POLICY;
    return "SELECT "
        + MEAN_FIELDS.stream()
            .map(f -> "mean(" + InfluxQl.identifier("mean_" + f) + ") AS " + InfluxQl.identifier(f))
            .collect(Collectors.joining(", "))
        + ", last("
        + InfluxQl.identifier("last_weather_category")
        + ") AS "
        + InfluxQl.identifier("weather_category")
        + ", last("
        + InfluxQl.identifier("mean_current_setpoint")
        + ") AS "
        + InfluxQl.identifier("current_setpoint")
        + " FROM "
        + InfluxQl.identifier(policy)
        + "."
        + InfluxQl.identifier(CLIMATE)
        + " WHERE "
        + where(query.device(), query.site())
        + " AND time >= "
        + millis(query.from())
        + " AND time <= "
        + millis(query.to())
        + " GROUP BY time("
        + HistoryService.influxDuration(query.interval().orElseThrow())
        + ") fill(none)";
  }

  static String latestRecommendation(String device) {
    return "SELECT "
        + RECOMMENDATION_FIELDS.stream().map(InfluxQl::identifier).collect(Collectors.joining(", "))
        + " FROM "
        + InfluxQl.identifier(RECOMMENDATION)
        + " WHERE "
        + InfluxQl.identifier("device")
        + " = "
        + InfluxQl.string(device)
        + " ORDER BY time DESC LIMIT 1";
  }

  /**
   * The newest point per device and site: {@code event_id} is written with every climate point,
   * whatever the device's readings, so its last value's time is when the device was last seen.
   */
  static String devices(Instant since) {
    return "SELECT last("
        + InfluxQl.identifier("event_id")
        + ") FROM "
        + InfluxQl.identifier(CLIMATE)
        + " WHERE time >= "
        + millis(since)
        + " GROUP BY "
        + InfluxQl.identifier("device")
        + ", "
        + InfluxQl.identifier("site");
  }

  static String sites() {
    return "SHOW TAG VALUES FROM "
        + InfluxQl.identifier(CLIMATE)
        + " WITH KEY = "
        + InfluxQl.identifier("site");
  }

  private static String where(String device, String site) {
    StringBuilder where = new StringBuilder();
    if (device != null) {
      where.append(InfluxQl.identifier("device")).append(" = ").append(InfluxQl.string(device));
    }
    if (site != null) {
      if (!where.isEmpty()) {
        where.append(" AND ");
      }
      where.append(InfluxQl.identifier("site")).append(" = ").append(InfluxQl.string(site));
    }
    return where.toString();
  }

  private static String millis(Instant instant) {
    return instant.toEpochMilli() + "ms";
  }
}
