package dev.setpoint.analytics.infrastructure.energy;

import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.infrastructure.influx.RawRetention;
import dev.setpoint.model.influxql.InfluxQl;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The InfluxQL statements of the energy roll-up and its reads. Names reach a statement only through
 * {@link InfluxQl} (escaped string literals and quoted identifiers); times are epoch milliseconds.
 */
final class EnergyStatements {
  static final String CLIMATE = "climate";
  static final String ENERGY = "energy";
  static final String ANOMALY = "energy_anomaly";

  static final List<String> HOUR_FIELDS =
      List.of("kwh", "covered_s", "gap_s", "excluded_s", "resets", "complete");
  static final List<String> ANOMALY_FIELDS = List.of("detail", "from", "to", "cleared");

  private EnergyStatements() {}

  /** How many counter readings each device has since then: one series per device. */
  static String meters(Instant since) {
    return "SELECT "
        + List.of(Quantity.values()).stream()
            .map(
                q ->
                    "count("
                        + InfluxQl.identifier(q.counterField())
                        + ") AS "
                        + InfluxQl.identifier(q.code()))
            .collect(Collectors.joining(", "))
        + " FROM "
        + InfluxQl.identifier(CLIMATE)
        + " WHERE time >= "
        + millis(since)
        + " GROUP BY "
        + InfluxQl.identifier("device");
  }

  /**
   * The meter's counter and power readings in {@code [from, to]} with their room and site, oldest
   * first; its series with and without a room (or in two rooms) read as one.
   */
  static String readings(String device, Quantity quantity, Instant from, Instant to) {
    return "SELECT "
        + InfluxQl.identifier(quantity.counterField())
        + ", "
        + InfluxQl.identifier(quantity.powerField())
        + ", "
        + tags()
        + " FROM "
        + InfluxQl.identifier(CLIMATE)
        + " WHERE "
        + equal("device", device)
        + " AND time >= "
        + millis(from)
        + " AND time <= "
        + millis(to);
  }

  /** The meter's last counter reading in {@code [since, before)}. */
  static String lastCounterBefore(String device, Quantity quantity, Instant before, Instant since) {
    return "SELECT "
        + InfluxQl.identifier(quantity.counterField())
        + ", "
        + tags()
        + " FROM "
        + InfluxQl.identifier(CLIMATE)
        + " WHERE "
        + equal("device", device)
        + " AND time >= "
        + millis(since)
        + " AND time < "
        + millis(before)
        + " ORDER BY time DESC LIMIT 1";
  }

  /** The meter's anomaly pieces in {@code [from, to)}, one series per room, site and kind. */
  static String meterAnomalies(String device, Quantity quantity, Instant from, Instant to) {
    return select(ANOMALY_FIELDS, InfluxQl.identifier(ANOMALY))
        + equal("device", device)
        + " AND "
        + equal("quantity", quantity.code())
        + range(from, to)
        + groupBy("room", "site", "kind");
  }

  /** The meters with hours stored since then: one series per device and quantity. */
  static String metersWithHours(Instant since) {
    return "SELECT last("
        + InfluxQl.identifier("kwh")
        + ") FROM "
        + InfluxQl.identifier(ENERGY)
        + " WHERE time >= "
        + millis(since)
        + groupBy("device", "quantity");
  }

  /** The room's hours in {@code [from, to)}, one series per device, quantity and site. */
  static String roomHours(String room, Instant from, Instant to) {
    return select(HOUR_FIELDS, InfluxQl.identifier(ENERGY))
        + equal("room", room)
        + range(from, to)
        + groupBy("device", "quantity", "site");
  }

  /**
   * The same from the 1-hour roll-up, which keeps the hours unchanged (the stack's continuous query
   * and the Kubernetes task copy them) after the raw retention dropped them.
   */
  static String rolledUpRoomHours(String room, Instant from, Instant to) {
    return select(HOUR_FIELDS, rolledUpEnergy())
        + equal("room", room)
        + range(from, to)
        + groupBy("device", "quantity", "site");
  }

  /** The room's anomaly pieces in {@code [from, to)}. */
  static String roomAnomalies(String room, Instant from, Instant to) {
    return select(ANOMALY_FIELDS, InfluxQl.identifier(ANOMALY))
        + equal("room", room)
        + range(from, to)
        + groupBy("device", "quantity", "site", "kind");
  }

  /**
   * The room's name as a tag value of the hours, if any hour is filed under it: in the raw points
   * or, with {@code rolledUp}, in the 1-hour roll-up.
   */
  static String hasRoom(String room, boolean rolledUp) {
    return "SHOW TAG VALUES FROM "
        + (rolledUp ? rolledUpEnergy() : InfluxQl.identifier(ENERGY))
        + " WITH KEY = "
        + InfluxQl.identifier("room")
        + " WHERE "
        + equal("room", room);
  }

  private static String select(List<String> fields, String source) {
    return "SELECT "
        + fields.stream().map(InfluxQl::identifier).collect(Collectors.joining(", "))
        + " FROM "
        + source
        + " WHERE ";
  }

  private static String rolledUpEnergy() {
    return InfluxQl.identifier(RawRetention.HOUR_ROLLUP) + "." + InfluxQl.identifier(ENERGY);
  }

  private static String tags() {
    return InfluxQl.identifier("room") + "::tag, " + InfluxQl.identifier("site") + "::tag";
  }

  private static String equal(String tag, String value) {
    return InfluxQl.identifier(tag) + " = " + InfluxQl.string(value);
  }

  private static String range(Instant from, Instant to) {
    return " AND time >= " + millis(from) + " AND time < " + millis(to);
  }

  private static String groupBy(String... tags) {
    return " GROUP BY "
        + List.of(tags).stream().map(InfluxQl::identifier).collect(Collectors.joining(", "));
  }

  private static String millis(Instant instant) {
    return instant.toEpochMilli() + "ms";
  }
}
