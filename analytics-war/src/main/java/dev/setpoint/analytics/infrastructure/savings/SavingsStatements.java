package dev.setpoint.analytics.infrastructure.savings;

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

  private SavingsStatements() {}

  /** The room's hourly means of the outdoor temperature and humidity and the compute load. */
  static String drivers(String room, Instant from, Instant to) {
    return "SELECT mean("
        + InfluxQl.identifier("outdoor_temperature")
        + ") AS \"t\", mean("
        + InfluxQl.identifier("outdoor_humidity")
        + ") AS \"rh\", mean("
        + InfluxQl.identifier("compute_power")
        + ") AS \"load\" FROM "
        + InfluxQl.identifier(CLIMATE)
        + where(room, from, to)
        + " GROUP BY time(1h) fill(none)";
  }

  /** The room's inlet per minute: the hottest reading, the mean temperature and humidity. */
  static String inletMinutes(String room, Instant from, Instant to) {
    return "SELECT max("
        + InfluxQl.identifier("temperature")
        + ") AS \"hottest\", mean("
        + InfluxQl.identifier("temperature")
        + ") AS \"mean\", mean("
        + InfluxQl.identifier("humidity")
        + ") AS \"rh\" FROM "
        + InfluxQl.identifier(CLIMATE)
        + where(room, from, to)
        + " GROUP BY time(1m) fill(none)";
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

  /** The rooms filed under the site in a measurement. */
  static String roomsOfSite(String measurement, String site) {
    return "SHOW TAG VALUES FROM "
        + InfluxQl.identifier(measurement)
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
