package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.savings.MeterSavings;
import dev.setpoint.analytics.application.savings.MonthReport;
import dev.setpoint.analytics.application.savings.SiteMonthReport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A room's or a site's month report as CSV (RFC 4180: CRLF line ends, a field holding a comma, a
 * quote or a line end in quotes, its quotes doubled), for a spreadsheet: a block of {@code
 * figure,value,unit} rows, a blank line, then a table (a room's days, a site's rooms).
 *
 * <p>Numbers are written with {@link Locale#ROOT} (a point, no grouping): kWh to 0.001, °C to 0.01,
 * a fraction as a percentage to 0.01; a missing value is an empty cell. A text cell a spreadsheet
 * would read as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a
 * leading single quote; numbers are written as they are, so a negative saving stays a number.
 */
final class ReportCsv {
  static final String CRLF = "\r\n";
  static final String SUMMARY_HEADER = "figure,value,unit";
  static final String DAY_HEADER =
      "date,cooling_kwh,it_kwh,complete,savings_kwh,minutes_outside,hottest_c,setpoint_changes,"
          + "pilot_arm";
  static final String ROOM_HEADER =
      "room,cooling_kwh,it_kwh,savings_kwh,savings_68_kwh,savings_90_kwh,savings_note,"
          + "usable_hours,minutes_above,minutes_below,minutes_dew_point_above,hottest_c,"
          + "setpoint_changes,alerts,pilot_status";

  private ReportCsv() {}

  /** The room's month: its figures, then one row per local day. */
  static String room(MonthReport r) {
    Csv csv = new Csv();
    csv.row(SUMMARY_HEADER);
    csv.figure("room", text(r.room()), "");
    csv.figure("month", text(r.month()), "");
    csv.figure("zone", text(r.zone()), "");
    csv.figure("from", text(String.valueOf(r.from())), "");
    csv.figure("to", text(String.valueOf(r.to())), "");
    MonthReport.Energy e = r.energy();
    if (e != null) {
      csv.figure("hours", String.valueOf(e.hours()), "h");
      csv.figure("complete hours", String.valueOf(e.completeHours()), "h");
      csv.figure("cooling energy", kwh(e.coolingKwh()), "kWh");
      csv.figure("IT energy", kwh(e.itKwh()), "kWh");
    }
    if (r.savings() == null || r.savings().meters() == null) {
      csv.figure("savings", text(r.savingsNote() == null ? "not measured" : r.savingsNote()), "");
    } else {
      if (r.savingsNote() != null) {
        csv.figure("savings note", text(r.savingsNote()), "");
      }
      for (MeterSavings m : r.savings().meters()) {
        meter(csv, "savings " + m.meter(), m);
      }
    }
    MonthReport.Envelope env = r.envelope();
    if (env != null) {
      csv.figure("minutes observed", String.valueOf(env.minutesObserved()), "min");
      csv.figure(
          "minutes inlet above " + degrees(env.highC()) + " °C",
          String.valueOf(env.minutesAbove()),
          "min");
      csv.figure(
          "minutes inlet below " + degrees(env.lowC()) + " °C",
          String.valueOf(env.minutesBelow()),
          "min");
      csv.figure(
          "minutes dew point above " + degrees(env.dewPointC()) + " °C",
          String.valueOf(env.minutesDewPointAbove()),
          "min");
      csv.figure("hottest inlet", celsius(env.hottestC()), "°C");
    }
    MonthReport.Setpoints s = r.setpoints();
    if (s != null) {
      csv.figure("setpoint decisions", String.valueOf(s.decisions()), "");
      csv.figure("setpoint decisions commanded", String.valueOf(s.commanded()), "");
      csv.figure("setpoint changes", String.valueOf(s.changes()), "");
      csv.figure("pilot fixed setpoint decisions", String.valueOf(s.pilotFixed()), "");
      csv.figure("mean decided setpoint", celsius(s.meanSetpointC()), "°C");
    }
    csv.figure("alerts", String.valueOf(r.alerts() == null ? 0 : r.alerts().size()), "");
    List<MonthReport.RoomAlert> raised = r.roomAlerts() == null ? List.of() : r.roomAlerts();
    csv.figure("room alerts raised", String.valueOf(raised.size()), "");
    csv.figure(
        "room alerts critical",
        String.valueOf(raised.stream().filter(a -> "critical".equals(a.severity())).count()),
        "");
    MonthReport.PilotSummary p = r.pilot();
    if (p == null) {
      csv.figure("pilot status", text("none"), "");
    } else {
      csv.figure("pilot status", text(p.status()), "");
      csv.figure("pilot schedule", text(p.schedule()), "");
      csv.figure("pilot days ended", String.valueOf(p.daysEnded()), "d");
      if (p.cooling() != null) {
        meter(csv, "pilot savings " + p.cooling().meter(), p.cooling());
      }
      csv.figure("pilot paired fraction", percent(p.pairedFraction()), "%");
    }

    csv.blank();
    csv.row(DAY_HEADER);
    for (MonthReport.Day d : list(r.days())) {
      csv.cells(
          text(String.valueOf(d.date())),
          kwh(d.coolingKwh()),
          kwh(d.itKwh()),
          String.valueOf(d.complete()),
          kwh(d.savingsKwh()),
          String.valueOf(d.minutesOutside()),
          celsius(d.hottestC()),
          String.valueOf(d.setpointChanges()),
          d.pilotArm() == null ? "" : text(d.pilotArm()));
    }
    return csv.toString();
  }

  /** The site's month: its figures, then one row per room and a totals row. */
  static String site(SiteMonthReport r) {
    Csv csv = new Csv();
    csv.row(SUMMARY_HEADER);
    csv.figure("site", text(r.site()), "");
    csv.figure("month", text(r.month()), "");
    csv.figure("zone", text(r.zone()), "");
    csv.figure("from", text(String.valueOf(r.from())), "");
    csv.figure("to", text(String.valueOf(r.to())), "");
    csv.figure("rooms", String.valueOf(list(r.rooms()).size()), "");
    csv.figure("cooling energy", kwh(r.coolingKwh()), "kWh");
    csv.figure("IT energy", kwh(r.itKwh()), "kWh");
    csv.figure("rooms with measured cooling savings", String.valueOf(r.roomsWithSavings()), "");
    csv.figure("cooling savings", kwh(r.savingsKwh()), "kWh");
    csv.figure("cooling savings half-width 68 %", kwh(r.halfWidth68Kwh()), "kWh");
    csv.figure("cooling savings half-width 90 %", kwh(r.halfWidth90Kwh()), "kWh");
    csv.figure("minutes inlet above the envelope", String.valueOf(r.minutesAbove()), "min");
    csv.figure("alerts", String.valueOf(r.alerts()), "");

    csv.blank();
    csv.row(ROOM_HEADER);
    int usable = 0;
    int below = 0;
    int dew = 0;
    int changes = 0;
    Double hottest = null;
    for (MonthReport room : list(r.rooms())) {
      MeterSavings c = cooling(room);
      MonthReport.Envelope env = room.envelope();
      Double roomHottest = env == null ? null : env.hottestC();
      int roomUsable = c == null ? 0 : c.usableHours();
      usable += roomUsable;
      below += env == null ? 0 : env.minutesBelow();
      dew += env == null ? 0 : env.minutesDewPointAbove();
      changes += room.setpoints() == null ? 0 : room.setpoints().changes();
      if (roomHottest != null) {
        hottest = hottest == null ? roomHottest : Math.max(hottest, roomHottest);
      }
      boolean measured = c != null && c.measured();
      String note =
          measured ? "" : text(c != null && c.reason() != null ? c.reason() : room.savingsNote());
      csv.cells(
          text(room.room()),
          room.energy() == null ? "" : kwh(room.energy().coolingKwh()),
          room.energy() == null ? "" : kwh(room.energy().itKwh()),
          measured ? kwh(c.savingsKwh()) : "",
          measured ? kwh(c.halfWidth68Kwh()) : "",
          measured ? kwh(c.halfWidth90Kwh()) : "",
          note,
          c == null ? "" : String.valueOf(roomUsable),
          env == null ? "" : String.valueOf(env.minutesAbove()),
          env == null ? "" : String.valueOf(env.minutesBelow()),
          env == null ? "" : String.valueOf(env.minutesDewPointAbove()),
          celsius(roomHottest),
          room.setpoints() == null ? "" : String.valueOf(room.setpoints().changes()),
          String.valueOf(room.alerts() == null ? 0 : room.alerts().size()),
          room.pilot() == null ? "" : text(room.pilot().status()));
    }
    csv.cells(
        "total",
        kwh(r.coolingKwh()),
        kwh(r.itKwh()),
        kwh(r.savingsKwh()),
        kwh(r.halfWidth68Kwh()),
        kwh(r.halfWidth90Kwh()),
        text(r.roomsWithSavings() + " of " + list(r.rooms()).size() + " rooms measured"),
        String.valueOf(usable),
        String.valueOf(r.minutesAbove()),
        String.valueOf(below),
        String.valueOf(dew),
        celsius(hottest),
        String.valueOf(changes),
        String.valueOf(r.alerts()),
        "");
    return csv.toString();
  }

  /** The room's cooling savings by the baseline method, or null when it has none. */
  static MeterSavings cooling(MonthReport r) {
    if (r.savings() == null || r.savings().meters() == null) {
      return null;
    }
    return r.savings().meters().stream()
        .filter(m -> "cooling".equals(m.meter()))
        .findFirst()
        .orElse(null);
  }

  /** One meter's savings: the figure with its half-widths and hours, or the reason for none. */
  private static void meter(Csv csv, String name, MeterSavings m) {
    if (!m.measured()) {
      csv.figure(name, text(m.reason() == null ? "not measured" : m.reason()), "");
    } else {
      csv.figure(name, kwh(m.savingsKwh()), "kWh");
      csv.figure(name + " half-width 68 %", kwh(m.halfWidth68Kwh()), "kWh");
      csv.figure(name + " half-width 90 %", kwh(m.halfWidth90Kwh()), "kWh");
      csv.figure(name + " fraction", percent(m.savingsFraction()), "%");
      csv.figure(name + " adjusted baseline", kwh(m.adjustedBaselineKwh()), "kWh");
      csv.figure(name + " metered", kwh(m.meteredKwh()), "kWh");
    }
    csv.figure(name + " usable hours", String.valueOf(m.usableHours()), "h");
    Map<String, Integer> excluded = m.excludedHours() == null ? Map.of() : m.excludedHours();
    for (Map.Entry<String, Integer> x : excluded.entrySet()) {
      csv.figure(
          name + " excluded hours: " + x.getKey(),
          x.getValue() == null ? "" : String.valueOf(x.getValue()),
          "h");
    }
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  static String kwh(Double v) {
    return number(v, 3, 1);
  }

  static String celsius(Double v) {
    return number(v, 2, 1);
  }

  static String percent(Double fraction) {
    return number(fraction, 2, 100);
  }

  /** {@code v × scale} to {@code decimals}, never {@code -0.000}; empty when missing. */
  private static String number(Double v, int decimals, double scale) {
    if (v == null || !Double.isFinite(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v * scale);
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }

  /** A threshold in words: 27, 15.5. */
  private static String degrees(double c) {
    return c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c);
  }

  /**
   * A text cell: a leading quote where a spreadsheet would start a formula ({@code = + - @}, a tab
   * or a carriage return).
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }

  /** A field as RFC 4180 wants it: in quotes, its quotes doubled, when it needs them. */
  static String field(String value) {
    if (value.indexOf(',') >= 0
        || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /** Rows of fields already made safe ({@link #text}) or numbers, as RFC 4180 wants them. */
  static final class Csv {
    private final StringBuilder out = new StringBuilder();

    void row(String raw) {
      out.append(raw).append(CRLF);
    }

    void blank() {
      out.append(CRLF);
    }

    void figure(String name, String value, String unit) {
      cells(text(name), value, text(unit));
    }

    void cells(String... cells) {
      out.append(Arrays.stream(cells).map(ReportCsv::field).collect(Collectors.joining(",")));
      out.append(CRLF);
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
