package dev.setpoint.analytics.application.alert;

import dev.setpoint.analytics.domain.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rooms' gauges in Prometheus' text exposition format (version 0.0.4): each room's hottest
 * inlet, humidity and dew point at its last reading and that reading's age, and the open alerts by
 * room, kind, severity and state. These name rooms and devices, so they are served only to
 * authenticated scrapers (README "Alerts", Prometheus).
 */
public final class RoomGauges {
  private RoomGauges() {}

  /** The exposition of {@code rooms} and {@code open} at {@code now}. */
  public static String exposition(List<AlertService.RoomNow> rooms, List<Alert> open, Instant now) {
    StringBuilder out = new StringBuilder();
    List<AlertService.RoomNow> sorted =
        rooms.stream().sorted(Comparator.comparing(AlertService.RoomNow::room)).toList();
    gauge(
        out,
        "setpoint_room_inlet_celsius",
        "The room's hottest fresh inlet at its last reading, °C.",
        sorted,
        r -> r.climate().hottestInletC());
    gauge(
        out,
        "setpoint_room_humidity_percent",
        "The relative humidity at the room's hottest inlet, %.",
        sorted,
        r -> r.climate().humidityPct());
    gauge(
        out,
        "setpoint_room_dew_point_celsius",
        "The dew point at the room's hottest inlet, °C.",
        sorted,
        r -> r.climate().dewPointC());
    gauge(
        out,
        "setpoint_room_reading_age_seconds",
        "Seconds since the room's last reading.",
        sorted,
        r -> Duration.between(r.climate().time(), now).toMillis() / 1000.0);
    out.append("# HELP setpoint_alerts_open Open alerts (raised or acknowledged).\n");
    out.append("# TYPE setpoint_alerts_open gauge\n");
    Map<String, Integer> counts = new TreeMap<>();
    for (Alert a : open) {
      String labels =
          labels(
              "site", a.site(),
              "room", a.room(),
              "subject", a.subject(),
              "kind", a.kind().code(),
              "severity", a.severity().code(),
              "state", a.state().code());
      counts.merge(labels, 1, Integer::sum);
    }
    counts.forEach(
        (labels, n) ->
            out.append("setpoint_alerts_open").append(labels).append(' ').append(n).append('\n'));
    return out.toString();
  }

  private interface Value {
    double of(AlertService.RoomNow r);
  }

  private static void gauge(
      StringBuilder out, String name, String help, List<AlertService.RoomNow> rooms, Value value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    for (AlertService.RoomNow r : rooms) {
      double v = value.of(r);
      if (Double.isFinite(v)) {
        out.append(name)
            .append(labels("site", r.site(), "room", r.room()))
            .append(' ')
            .append(String.format(Locale.ROOT, "%.3f", v))
            .append('\n');
      }
    }
  }

  /** {@code {k="v",…}}, values escaped as the format asks; a null value is an empty label. */
  static String labels(String... kv) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      String v = kv[i + 1] == null ? "" : kv[i + 1];
      b.append(kv[i])
          .append("=\"")
          .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append('"');
    }
    return b.append('}').toString();
  }
}
