package dev.setpoint.analytics.infrastructure.savings;

import dev.setpoint.analytics.infrastructure.influx.RawRetention;
import dev.setpoint.model.influxql.InfluxQl;
import java.time.Instant;

/**
 * The InfluxQL statements the savings and reports read. Names reach a statement only through {@link
 * InfluxQl} (escaped string literals and quoted identifiers); times are epoch milliseconds.
 */
final class SavingsStatements {
  static final String CLIMATE = "climate";
  static final String ENERGY = "energy";
  static final String RECOMMENDATION = "recommendation";
  static final String ROOM_CLIMATE = "room_climate";

  private SavingsStatements() {}

  /** The room's hourly means of the outdoor temperature and humidity and the compute load. */
  static String drivers(String room, Instant from, Instant to) {
    return hourlyDrivers(InfluxQl.identifier(CLIMATE), "", room, from, to);
  }

  /**
   * The same hours from the 1-hour roll-up: means of the devices' hourly means ({@code
   * mean_<field>} per device series), for hours older than the raw retention.
   */
  static String rolledUpDrivers(String room, Instant from, Instant to) {
    return hourlyDrivers(rolledUp(RawRetention.HOUR_ROLLUP, CLIMATE), "mean_", room, from, to);
  }

  private static String hourlyDrivers(
      String source, String prefix, String room, Instant from, Instant to) {
    return "SELECT mean("
        + InfluxQl.identifier(prefix + "outdoor_temperature")
        + ") AS \"t\", mean("
        + InfluxQl.identifier(prefix + "outdoor_humidity")
        + ") AS \"rh\", mean("
        + InfluxQl.identifier(prefix + "compute_power")
        + ") AS \"load\" FROM "
        + source
        + where(room, from, to)
        + " GROUP BY time(1h) fill(none)";
  }

  /** The room's inlet per minute: the hottest reading, the mean temperature and humidity. */
  static String inletMinutes(String room, Instant from, Instant to) {
    return minutes(
        InfluxQl.identifier(CLIMATE), "temperature", "temperature", "humidity", room, from, to);
  }

  /**
   * The same minutes from the 1-minute roll-up's {@value #ROOM_CLIMATE} (one point per room, site
   * and minute: its hottest inlet, mean temperature and humidity), for minutes older than the raw
   * retention.
   */
  static String rolledUpInletMinutes(String room, Instant from, Instant to) {
    return minutes(
        rolledUp(RawRetention.MINUTE_ROLLUP, ROOM_CLIMATE),
        "hottest_inlet",
        "mean_temperature",
        "mean_humidity",
        room,
        from,
        to);
  }

  private static String minutes(
      String source,
      String hottest,
      String temperature,
      String humidity,
      String room,
      Instant from,
      Instant to) {
    return "SELECT max("
        + InfluxQl.identifier(hottest)
        + ") AS \"hottest\", mean("
        + InfluxQl.identifier(temperature)
        + ") AS \"mean\", mean("
        + InfluxQl.identifier(humidity)
        + ") AS \"rh\" FROM "
        + source
        + where(room, from, to)
        + " GROUP BY time(1m) fill(none)";
  }

  private static String rolledUp(String policy, String measurement) {
    return InfluxQl.identifier(policy) + "." + InfluxQl.identifier(measurement);
  }

  /** The recommender's decisions for the room. */
  static String decisions(String room, Instant from, Instant to) {
    return "SELECT "
        + InfluxQl.identifier("recommended")
        + ", "
        + InfluxQl.identifier("current_setpoint")
        + ", "
        + InfluxQl.identifier("reason")
        + ", "
        + InfluxQl.identifier("commanded")
        + " FROM "
        + InfluxQl.identifier(RECOMMENDATION)
        + where(room, from, to);
  }

  /**
   * The rooms filed under the site in a measurement: of the raw points, or with {@code rolledUp} of
   * the 1-hour roll-up (a room whose raw points have all expired).
   */
  static String roomsOfSite(String measurement, String site, boolean rolledUp) {
    return "SHOW TAG VALUES FROM "
        + (rolledUp
            ? rolledUp(RawRetention.HOUR_ROLLUP, measurement)
            : InfluxQl.identifier(measurement))
        + " WITH KEY = "
        + InfluxQl.identifier("room")
        + " WHERE "
        + InfluxQl.identifier("site")
        + " = "
        + InfluxQl.string(site);
  }

  private static String where(String room, Instant from, Instant to) {
    return " WHERE "
        + InfluxQl.identifier("room")
        + " = "
        + InfluxQl.string(room)
        + " AND time >= "
        + from.toEpochMilli()
        + "ms AND time < "
        + to.toEpochMilli()
        + "ms";
  }
}
