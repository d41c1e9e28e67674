package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.energy.RoomAnomaly;
import dev.setpoint.analytics.application.savings.MeterSavings;
import dev.setpoint.analytics.application.savings.MonthReport;
import dev.setpoint.analytics.application.savings.SiteMonthReport;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A room's or a site's month report as one self-contained HTML5 page that a manager can save and
 * e-mail: an inline style sheet, no script, no external resource; the charts are inline SVG drawn
 * here. Every text from the report is escaped, and every element is closed (void elements as {@code
 * <meta .../>}), so the page also parses as XML.
 */
final class ReportHtml {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ReportHtml() {}

  // ------------------------------------------------------------------- room

  /** The room's month: headline figures, savings, envelope, setpoints, pilot, alerts, charts. */
  static String room(MonthReport r) {
    ZoneId zone = zone(r.zone());
    Html h = new Html();
    h.begin("Setpoint — " + r.room() + ", " + r.month());
    h.el("h1", "Room " + r.room() + ": " + monthName(r.month()));
    h.el("p", period(r.month(), r.from(), r.to(), zone), "class", "period");

    // headline figures
    h.open("div", "class", "figures");
    MonthReport.Energy e = r.energy();
    if (e != null) {
      h.figure(
          "Cooling energy",
          kwh(e.coolingKwh()),
          e.coolingKwh() == null ? "no cooling meter" : null);
      h.figure("IT energy", kwh(e.itKwh()), e.itKwh() == null ? "no IT meter" : null);
      h.figure(
          "Hours complete",
          e.completeHours() + " of " + e.hours(),
          "every meter covered the whole hour");
    }
    MeterSavings cooling = ReportCsv.cooling(r);
    h.figure(
        "Cooling savings",
        cooling != null && cooling.measured() && cooling.savingsKwh() != null
            ? signedKwh(cooling.savingsKwh())
            : "–",
        cooling != null && cooling.measured() ? halfWidths(cooling) : "not measured");
    MonthReport.Envelope env = r.envelope();
    if (env != null) {
      h.figure(
          "Inlet outside " + degrees(env.lowC()) + "–" + degrees(env.highC()) + " °C",
          minutes(env.minutesAbove() + env.minutesBelow()),
          "hottest " + celsius(env.hottestC()));
    }
    MonthReport.Setpoints s = r.setpoints();
    if (s != null) {
      h.figure("Setpoint changes", String.valueOf(s.changes()), s.decisions() + " decisions");
    }
    h.figure(
        "Meter alerts",
        String.valueOf(list(r.alerts()).size()),
        list(r.alerts()).isEmpty() ? "none" : "listed below");
    h.close("div");

    // savings
    h.el("h2", "Measured savings");
    if (r.savingsNote() != null) {
      h.el("p", capital(r.savingsNote()) + ".", "class", "note");
    }
    if (r.savings() != null && r.savings().meters() != null) {
      for (MeterSavings m : r.savings().meters()) {
        meter(h, m);
      }
      h.el(
          "p",
          "Savings are the baseline's prediction for this month's weather and load less the"
              + " metered energy, over the hours every meter covered (ASHRAE Guideline 14); the"
              + " ± figures are the uncertainty at 68 % and 90 % confidence.",
          "class",
          "note");
    } else if (r.savingsNote() == null) {
      h.el("p", "No savings were measured.", "class", "note");
    }

    // charts
    List<MonthReport.Day> days = list(r.days());
    h.el("h2", "Day by day");
    h.raw(energyChart(days, r.month()));
    h.raw(savingsChart(days, r.month()));
    h.raw(inletChart(days, r.month(), env));

    // envelope and setpoints
    h.el("h2", "Inlet temperature and humidity");
    if (env == null) {
      h.el("p", "No inlet readings.", "class", "note");
    } else {
      h.open("table", "class", "list");
      h.open("tbody");
      h.row("Minutes with an inlet reading", minutes(env.minutesObserved()));
      h.row(
          "Hottest inlet above " + degrees(env.highC()) + " °C",
          minutes(env.minutesAbove()) + share(env.minutesAbove(), env.minutesObserved()));
      h.row(
          "Hottest inlet below " + degrees(env.lowC()) + " °C",
          minutes(env.minutesBelow()) + share(env.minutesBelow(), env.minutesObserved()));
      h.row(
          "Dew point above " + degrees(env.dewPointC()) + " °C",
          minutes(env.minutesDewPointAbove())
              + share(env.minutesDewPointAbove(), env.minutesObserved()));
      h.row("Hottest inlet of the month", celsius(env.hottestC()));
      h.close("tbody");
      h.close("table");
    }
    h.el("h2", "Setpoints");
    if (s == null) {
      h.el("p", "No setpoint decisions.", "class", "note");
    } else {
      h.open("table", "class", "list");
      h.open("tbody");
      h.row("Decisions of the recommender", String.valueOf(s.decisions()));
      h.row("Sent to the room's controller", String.valueOf(s.commanded()));
      h.row("Setpoint changes", String.valueOf(s.changes()));
      h.row("Decisions for the pilot's fixed setpoint", String.valueOf(s.pilotFixed()));
      h.row("Mean decided setpoint", celsius(s.meanSetpointC()));
      h.close("tbody");
      h.close("table");
    }

    // pilot
    h.el("h2", "Pilot");
    pilot(h, r.pilot());

    // alerts
    h.el("h2", "Alerts");
    roomAlerts(h, list(r.roomAlerts()), zone);
    h.el("h2", "Meter alerts");
    alerts(h, list(r.alerts()), zone);

    // the days
    h.el("h2", "Days");
    daysTable(h, days);
    return h.end();
  }

  private static void meter(Html h, MeterSavings m) {
    h.open("div", "class", "meter");
    h.el("h3", meterName(m.meter()) + method(m.method()));
    h.el("p", savingsWords(m), "class", m.measured() ? "value" : "value none");
    if (m.measured() && m.savingsKwh() != null) {
      List<String> parts = new ArrayList<>();
      if (m.savingsFraction() != null) {
        parts.add(percent(m.savingsFraction()) + " of the adjusted baseline");
      }
      if (m.adjustedBaselineKwh() != null) {
        parts.add("adjusted baseline " + kwh(m.adjustedBaselineKwh()));
      }
      if (m.meteredKwh() != null) {
        parts.add("metered " + kwh(m.meteredKwh()));
      }
      if (m.halfWidth90Kwh() != null && Math.abs(m.savingsKwh()) <= m.halfWidth90Kwh()) {
        parts.add("within the 90 % uncertainty: not distinguishable from zero");
      }
      if (!parts.isEmpty()) {
        h.el("p", capital(String.join("; ", parts)) + ".");
      }
    }
    h.el("p", "Hours compared: " + m.usableHours() + ".");
    Map<String, Integer> excluded = m.excludedHours() == null ? Map.of() : m.excludedHours();
    if (!excluded.isEmpty()) {
      h.el("p", "Hours left out, by reason:");
      h.open("ul", "class", "exclusions");
      excluded.forEach((reason, hours) -> h.el("li", capital(reason) + ": " + hours + " h"));
      h.close("ul");
    }
    h.close("div");
  }

  private static void pilot(Html h, MonthReport.PilotSummary p) {
    if (p == null) {
      h.el("p", "No pilot overlaps this month.", "class", "note");
      return;
    }
    h.open("table", "class", "list");
    h.open("tbody");
    h.row("Status", p.status());
    h.open("tr");
    h.el("th", "Schedule (F fixed setpoint, C controller)");
    h.open("td", "class", "schedule");
    String schedule = p.schedule() == null ? "" : p.schedule();
    for (int i = 0; i < schedule.length(); i++) {
      char arm = schedule.charAt(i);
      h.el(
          "span",
          String.valueOf(arm),
          "class",
          "arm " + (arm == 'F' ? "fixed" : "controller") + (i < p.daysEnded() ? " ended" : ""),
          "title",
          "day " + (i + 1) + (i < p.daysEnded() ? ", ended" : ""));
    }
    h.close("td");
    h.close("tr");
    h.row("Days ended", String.valueOf(p.daysEnded()));
    if (p.cooling() != null) {
      h.row("Cooling savings of the controller days", savingsWords(p.cooling()));
    }
    if (p.pairedFraction() != null) {
      h.row(
          "Paired check",
          "the controller's periods used "
              + percent(Math.abs(p.pairedFraction()))
              + (p.pairedFraction() >= 0 ? " less" : " more")
              + " cooling energy than the fixed periods beside them");
    }
    h.close("tbody");
    h.close("table");
  }

  private static void alerts(Html h, List<RoomAnomaly> alerts, ZoneId zone) {
    if (alerts.isEmpty()) {
      h.el("p", "No meter alerts this month.", "class", "note");
      return;
    }
    h.el("p", "A meter's anomaly leaves its hours out of the savings.", "class", "note");
    h.open("table", "class", "grid alerts");
    h.header("device", "quantity", "kind", "from", "to", "detail");
    h.open("tbody");
    for (RoomAnomaly a : alerts) {
      h.cells(
          a.device(), a.quantity(), a.kind(), time(a.from(), zone), time(a.to(), zone), a.detail());
    }
    h.close("tbody");
    h.close("table");
  }

  private static void roomAlerts(Html h, List<MonthReport.RoomAlert> alerts, ZoneId zone) {
    if (alerts.isEmpty()) {
      h.el("p", "No alert was raised for the room this month.", "class", "note");
      return;
    }
    h.open("table", "class", "grid raised");
    h.header("raised", "cleared", "kind", "severity", "state", "acknowledged by", "message");
    h.open("tbody");
    for (MonthReport.RoomAlert a : alerts) {
      h.cells(
          time(a.raisedAt(), zone),
          a.clearedAt() == null ? "open" : time(a.clearedAt(), zone),
          a.kind(),
          a.severity(),
          a.state(),
          a.acknowledgedBy() == null ? "" : a.acknowledgedBy(),
          a.message() == null ? "" : a.message());
    }
    h.close("tbody");
    h.close("table");
  }

  private static void daysTable(Html h, List<MonthReport.Day> days) {
    if (days.isEmpty()) {
      h.el("p", "No day of the month has begun.", "class", "note");
      return;
    }
    h.open("table", "class", "grid days");
    h.header(
        "date",
        "cooling kWh",
        "IT kWh",
        "complete",
        "savings kWh",
        "min outside",
        "hottest °C",
        "setpoint changes",
        "pilot");
    h.open("tbody");
    for (MonthReport.Day d : days) {
      h.cells(
          String.valueOf(d.date()),
          number(d.coolingKwh(), 1),
          number(d.itKwh(), 1),
          d.complete() ? "yes" : "no",
          number(d.savingsKwh(), 1),
          String.valueOf(d.minutesOutside()),
          number(d.hottestC(), 1),
          String.valueOf(d.setpointChanges()),
          d.pilotArm() == null ? "" : d.pilotArm());
    }
    h.close("tbody");
    h.close("table");
  }

  // ------------------------------------------------------------------- site

  /** The site's month: its totals and a table of its rooms. */
  static String site(SiteMonthReport r) {
    ZoneId zone = zone(r.zone());
    List<MonthReport> rooms = list(r.rooms());
    Html h = new Html();
    h.begin("Setpoint — site " + r.site() + ", " + r.month());
    h.el("h1", "Site " + r.site() + ": " + monthName(r.month()));
    h.el("p", period(r.month(), r.from(), r.to(), zone), "class", "period");

    h.open("div", "class", "figures");
    h.figure(
        "Rooms", String.valueOf(rooms.size()), r.roomsWithSavings() + " with savings measured");
    h.figure("Cooling energy", kwh(r.coolingKwh()), null);
    h.figure("IT energy", kwh(r.itKwh()), null);
    h.figure(
        "Cooling savings",
        r.savingsKwh() == null ? "–" : signedKwh(r.savingsKwh()),
        r.savingsKwh() == null
            ? "not measured"
            : halfWidths(r.halfWidth68Kwh(), r.halfWidth90Kwh()));
    h.figure("Inlet above the envelope", minutes(r.minutesAbove()), "all rooms");
    h.figure("Meter alerts", String.valueOf(r.alerts()), null);
    h.close("div");
    if (r.savingsKwh() != null) {
      h.el(
          "p",
          "The site's savings add up the "
              + r.roomsWithSavings()
              + " room(s) whose cooling savings were measured; their uncertainties combine in"
              + " quadrature, each room's baseline being fitted on its own.",
          "class",
          "note");
    }

    h.el("h2", "Rooms");
    if (rooms.isEmpty()) {
      h.el("p", "No room filed data under the site this month.", "class", "note");
      return h.end();
    }
    h.open("table", "class", "grid rooms");
    h.header(
        "room",
        "cooling kWh",
        "IT kWh",
        "cooling savings",
        "min above",
        "min below",
        "min dew point above",
        "hottest °C",
        "setpoint changes",
        "alerts",
        "pilot");
    h.open("tbody");
    int below = 0;
    int dew = 0;
    int changes = 0;
    Double hottest = null;
    for (MonthReport room : rooms) {
      MonthReport.Envelope env = room.envelope();
      MeterSavings c = ReportCsv.cooling(room);
      below += env == null ? 0 : env.minutesBelow();
      dew += env == null ? 0 : env.minutesDewPointAbove();
      changes += room.setpoints() == null ? 0 : room.setpoints().changes();
      if (env != null && env.hottestC() != null) {
        hottest = hottest == null ? env.hottestC() : Math.max(hottest, env.hottestC());
      }
      h.cells(
          room.room(),
          room.energy() == null ? "" : number(room.energy().coolingKwh(), 1),
          room.energy() == null ? "" : number(room.energy().itKwh(), 1),
          c != null
              ? savingsWords(c)
              : capital(room.savingsNote() == null ? "not measured" : room.savingsNote()),
          env == null ? "" : String.valueOf(env.minutesAbove()),
          env == null ? "" : String.valueOf(env.minutesBelow()),
          env == null ? "" : String.valueOf(env.minutesDewPointAbove()),
          env == null ? "" : number(env.hottestC(), 1),
          room.setpoints() == null ? "" : String.valueOf(room.setpoints().changes()),
          String.valueOf(list(room.alerts()).size()),
          room.pilot() == null ? "" : room.pilot().status());
    }
    h.close("tbody");
    h.open("tfoot");
    h.open("tr");
    h.el("th", "total");
    h.el("td", number(r.coolingKwh(), 1));
    h.el("td", number(r.itKwh(), 1));
    h.el(
        "td",
        r.savingsKwh() == null
            ? "none measured"
            : signedKwh(r.savingsKwh()) + " " + halfWidths(r.halfWidth68Kwh(), r.halfWidth90Kwh()));
    h.el("td", String.valueOf(r.minutesAbove()));
    h.el("td", String.valueOf(below));
    h.el("td", String.valueOf(dew));
    h.el("td", number(hottest, 1));
    h.el("td", String.valueOf(changes));
    h.el("td", String.valueOf(r.alerts()));
    h.el("td", "");
    h.close("tr");
    h.close("tfoot");
    h.close("table");
    return h.end();
  }

  // ----------------------------------------------------------------- charts

  /** Daily cooling (and IT, where metered) energy as grouped bars. */
  static String energyChart(List<MonthReport.Day> days, String month) {
    boolean anyIt = days.stream().anyMatch(d -> d.itKwh() != null);
    List<Series> series = new ArrayList<>();
    series.add(new Series("cooling", "cooling", "#1565c0", MonthReport.Day::coolingKwh));
    if (anyIt) {
      series.add(new Series("it", "IT", "#6a1b9a", MonthReport.Day::itKwh));
    }
    return bars("energy", "Daily energy, kWh", "kWh", days, month, series, false, "no meter data");
  }

  /** Daily cooling savings: up is saved, down is more used than the baseline predicts. */
  static String savingsChart(List<MonthReport.Day> days, String month) {
    return bars(
        "savings",
        "Daily cooling savings, kWh: up saved, down more used than the baseline predicts",
        "kWh",
        days,
        month,
        List.of(new Series("savings", "savings", "#2e7d32", MonthReport.Day::savingsKwh)),
        true,
        "no savings measured");
  }

  /** Daily hottest inlet as a line over the envelope's band; a day without readings breaks it. */
  static String inletChart(List<MonthReport.Day> days, String month, MonthReport.Envelope env) {
    double low = env == null ? 18 : env.lowC();
    double high = env == null ? 27 : env.highC();
    double min = low - 2;
    double max = high + 2;
    for (MonthReport.Day d : days) {
      if (d.hottestC() != null) {
        min = Math.min(min, d.hottestC() - 1);
        max = Math.max(max, d.hottestC() + 1);
      }
    }
    Frame f =
        new Frame("inlet", "Daily hottest inlet, °C", "°C", days.size(), Scale.of(min, max), month);
    Svg svg = f.begin(days);
    double top = f.y(high);
    svg.rect(
        "band",
        f.left(),
        top,
        f.plotWidth(),
        f.y(low) - top,
        "#c8e6c9",
        "the recommended envelope, " + degrees(low) + "–" + degrees(high) + " °C");
    svg.text(
        "band-label",
        f.left() + 4,
        top + 12,
        "start",
        "envelope " + degrees(low) + "–" + degrees(high) + " °C");
    f.grid(svg);
    StringBuilder run = new StringBuilder();
    for (int i = 0; i <= days.size(); i++) {
      Double v = i < days.size() ? days.get(i).hottestC() : null;
      if (v == null) {
        if (run.length() > 0) {
          svg.polyline("line", run.toString(), "#d84315");
          run.setLength(0);
        }
        continue;
      }
      run.append(run.length() > 0 ? " " : "").append(n(f.x(i))).append(',').append(n(f.y(v)));
    }
    for (int i = 0; i < days.size(); i++) {
      Double v = days.get(i).hottestC();
      if (v != null) {
        svg.circle(
            "point",
            f.x(i),
            f.y(v),
            3,
            "#d84315",
            days.get(i).date() + ": " + number(v, 2) + " °C");
      }
    }
    return f.end(svg, days.stream().noneMatch(d -> d.hottestC() != null), "no inlet readings");
  }

  /** A value per day of a bar chart: its class (the bars' and the legend's), name and colour. */
  private record Series(
      String cssClass, String name, String colour, Function<MonthReport.Day, Double> value) {}

  private static String bars(
      String id,
      String title,
      String unit,
      List<MonthReport.Day> days,
      String month,
      List<Series> series,
      boolean signed,
      String emptyText) {
    double min = 0;
    double max = 0;
    boolean any = false;
    for (MonthReport.Day d : days) {
      for (Series s : series) {
        Double v = s.value().apply(d);
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
          any = true;
        }
      }
    }
    Frame f = new Frame(id, title, unit, days.size(), Scale.of(min, max), month);
    Svg svg = f.begin(days);
    f.grid(svg);
    double group = f.band() * 0.8;
    double width = group / series.size();
    double zero = f.y(0);
    for (int i = 0; i < days.size(); i++) {
      MonthReport.Day d = days.get(i);
      boolean drawn = false;
      for (int k = 0; k < series.size(); k++) {
        Series s = series.get(k);
        Double v = s.value().apply(d);
        if (v == null) {
          continue;
        }
        drawn = true;
        double x = f.x(i) - group / 2 + k * width;
        double y = f.y(v);
        boolean lost = signed && v < 0;
        svg.rect(
            "bar " + (lost ? "lost" : s.cssClass()),
            x,
            Math.min(y, zero),
            Math.max(width - 1, 1),
            Math.abs(zero - y),
            lost ? "#c62828" : s.colour(),
            d.date() + ": " + s.name() + " " + number(v, 1) + " " + unit);
      }
      if (!drawn && any) {
        // a day without a value is not a day of zero
        svg.text("missing", f.x(i), zero - 4, "middle", "–");
      }
    }
    svg.line("zero", f.left(), zero, f.left() + f.plotWidth(), zero);
    if (series.size() > 1) {
      double x = f.left() + f.plotWidth() - 90.0 * series.size();
      for (Series s : series) {
        svg.rect("key " + s.cssClass(), x, 4, 10, 10, s.colour(), null);
        svg.text("key-label", x + 14, 13, "start", s.name());
        x += 90;
      }
    }
    return f.end(svg, !any, emptyText);
  }

  /** A y axis's range and its ticks at a round step (1, 2 or 5 × 10ⁿ). */
  record Scale(double lo, double hi, double step) {
    static Scale of(double min, double max) {
      if (!(max > min)) {
        max = min + 1;
      }
      double step = nice((max - min) / 5);
      double lo = Math.floor(min / step) * step;
      double hi = Math.ceil(max / step) * step;
      return new Scale(lo, hi == lo ? lo + step : hi, step);
    }

    static double nice(double x) {
      if (!(x > 0) || !Double.isFinite(x)) {
        return 1;
      }
      double p = Math.pow(10, Math.floor(Math.log10(x)));
      double f = x / p;
      return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    int decimals() {
      return (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    }
  }

  /** A chart's plot area, its day axis and its value axis. */
  private static final class Frame {
    static final double WIDTH = 720;
    static final double HEIGHT = 260;
    static final double LEFT = 64;
    static final double RIGHT = 12;
    static final double TOP = 20;
    static final double BOTTOM = 46;

    final String id;
    final String title;
    final String unit;
    final int n;
    final Scale scale;
    final String month;

    Frame(String id, String title, String unit, int n, Scale scale, String month) {
      this.id = id;
      this.title = title;
      this.unit = unit;
      this.n = n;
      this.scale = scale;
      this.month = month;
    }

    double left() {
      return LEFT;
    }

    double plotWidth() {
      return WIDTH - LEFT - RIGHT;
    }

    double plotHeight() {
      return HEIGHT - TOP - BOTTOM;
    }

    double band() {
      return plotWidth() / Math.max(n, 1);
    }

    double x(int day) {
      return LEFT + band() * (day + 0.5);
    }

    double y(double v) {
      return TOP + plotHeight() * (scale.hi() - v) / (scale.hi() - scale.lo());
    }

    Svg begin(List<MonthReport.Day> days) {
      Svg svg = new Svg(id, title);
      svg.rect("plot", LEFT, TOP, plotWidth(), plotHeight(), "#ffffff", null);
      // the day axis: the day of the month, at most about 16 labels
      int every = Math.max(1, (int) Math.ceil(n / 16.0));
      for (int i = 0; i < n; i++) {
        if (i % every == 0) {
          svg.text(
              "tick",
              x(i),
              TOP + plotHeight() + 14,
              "middle",
              days.get(i).date() == null
                  ? String.valueOf(i + 1)
                  : String.valueOf(days.get(i).date().getDayOfMonth()));
        }
      }
      svg.text(
          "axis-title", LEFT + plotWidth() / 2, HEIGHT - 8, "middle", "day of " + monthName(month));
      svg.text(
          "axis-title",
          14,
          TOP + plotHeight() / 2,
          "middle",
          unit,
          "rotate(-90 14 " + n(TOP + plotHeight() / 2) + ")");
      return svg;
    }

    /** The value axis: a grid line and a label at every tick. */
    void grid(Svg svg) {
      int decimals = scale.decimals();
      long ticks = Math.round((scale.hi() - scale.lo()) / scale.step());
      for (long t = 0; t <= ticks; t++) {
        double v = scale.lo() + t * scale.step();
        svg.line("grid", LEFT, y(v), LEFT + plotWidth(), y(v));
        svg.text("tick", LEFT - 6, y(v) + 4, "end", number(v, decimals));
      }
      svg.line("axis", LEFT, TOP, LEFT, TOP + plotHeight());
      svg.line("axis", LEFT, TOP + plotHeight(), LEFT + plotWidth(), TOP + plotHeight());
    }

    /** The markup; over an empty plot, {@code emptyText} (or that no day has begun). */
    String end(Svg svg, boolean empty, String emptyText) {
      if (empty) {
        svg.text(
            "empty",
            LEFT + plotWidth() / 2,
            TOP + plotHeight() / 2,
            "middle",
            n == 0 ? "no day of the month yet" : emptyText);
      }
      return svg.end();
    }
  }

  /** SVG markup; every attribute value and text escaped. */
  private static final class Svg {
    private final StringBuilder b = new StringBuilder();

    Svg(String id, String title) {
      b.append("<figure class=\"chart\" id=\"chart-")
          .append(esc(id))
          .append("\"><figcaption>")
          .append(esc(title))
          .append("</figcaption>")
          .append("<svg class=\"chart\" viewBox=\"0 0 ")
          .append(n(Frame.WIDTH))
          .append(' ')
          .append(n(Frame.HEIGHT))
          .append("\" width=\"")
          .append(n(Frame.WIDTH))
          .append("\" height=\"")
          .append(n(Frame.HEIGHT))
          .append("\" role=\"img\" aria-label=\"")
          .append(esc(title))
          .append("\">");
    }

    void rect(String cls, double x, double y, double w, double h, String fill, String title) {
      b.append("<rect class=\"")
          .append(esc(cls))
          .append("\" x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(y))
          .append("\" width=\"")
          .append(n(Math.max(w, 0)))
          .append("\" height=\"")
          .append(n(Math.max(h, 0)))
          .append("\" fill=\"")
          .append(esc(fill))
          .append('"');
      titled(title, "rect");
    }

    void circle(String cls, double x, double y, double r, String fill, String title) {
      b.append("<circle class=\"")
          .append(esc(cls))
          .append("\" cx=\"")
          .append(n(x))
          .append("\" cy=\"")
          .append(n(y))
          .append("\" r=\"")
          .append(n(r))
          .append("\" fill=\"")
          .append(esc(fill))
          .append('"');
      titled(title, "circle");
    }

    void line(String cls, double x1, double y1, double x2, double y2) {
      b.append("<line class=\"")
          .append(esc(cls))
          .append("\" x1=\"")
          .append(n(x1))
          .append("\" y1=\"")
          .append(n(y1))
          .append("\" x2=\"")
          .append(n(x2))
          .append("\" y2=\"")
          .append(n(y2))
          .append("\"/>");
    }

    void polyline(String cls, String points, String stroke) {
      b.append("<polyline class=\"")
          .append(esc(cls))
          .append("\" points=\"")
          .append(esc(points))
          .append("\" fill=\"none\" stroke=\"")
          .append(esc(stroke))
          .append("\" stroke-width=\"2\"/>");
    }

    void text(String cls, double x, double y, String anchor, String text) {
      text(cls, x, y, anchor, text, null);
    }

    void text(String cls, double x, double y, String anchor, String text, String transform) {
      b.append("<text class=\"")
          .append(esc(cls))
          .append("\" x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(y))
          .append("\" text-anchor=\"")
          .append(esc(anchor))
          .append('"');
      if (transform != null) {
        b.append(" transform=\"").append(esc(transform)).append('"');
      }
      b.append('>').append(esc(text)).append("</text>");
    }

    /** A tooltip as the element's {@code <title>}, or a self-closed element without one. */
    private void titled(String title, String tag) {
      if (title == null) {
        b.append("/>");
      } else {
        b.append("><title>").append(esc(title)).append("</title></").append(tag).append('>');
      }
    }

    String end() {
      return b.append("</svg></figure>").toString();
    }
  }

  // ------------------------------------------------------------------- page

  private static final String STYLE =
      """
      body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1c2733;
        margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
      h1 { font-size: 1.5rem; margin-bottom: .2rem; }
      h2 { font-size: 1.15rem; margin-top: 1.8rem; border-bottom: 1px solid #cfd8dc; }
      h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
      .period, .note { color: #546e7a; }
      .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: .6rem; margin: 1rem 0; }
      .figure { border-left: 6px solid #1565c0; background: #f4f6f8; padding: .4rem .7rem; }
      .figure .label { display: block; font-size: .85rem; color: #546e7a; }
      .figure .value { display: block; font-size: 1.4rem; }
      .figure .sub { display: block; font-size: .8rem; color: #546e7a; }
      .meter .value { font-size: 1.1rem; font-weight: 600; margin: .2rem 0; }
      .meter .value.none { font-weight: normal; color: #546e7a; }
      table { border-collapse: collapse; margin: .4rem 0; }
      th, td { text-align: left; padding: .2rem .6rem; border-bottom: 1px solid #eceff1;
        vertical-align: top; }
      table.list th { font-weight: normal; color: #546e7a; }
      table.grid th { background: #eceff1; }
      tfoot th, tfoot td { font-weight: 600; border-top: 2px solid #90a4ae; }
      .schedule .arm { display: inline-block; width: 1.2em; text-align: center;
        font-family: monospace; opacity: .45; }
      .schedule .arm.ended { opacity: 1; }
      .schedule .arm.fixed { background: #ffe0b2; }
      .schedule .arm.controller { background: #bbdefb; }
      figure.chart { margin: 1rem 0; }
      figure.chart figcaption { font-weight: 600; }
      svg.chart { max-width: 100%; height: auto; font-size: 11px; }
      svg .grid { stroke: #eceff1; }
      svg .axis, svg .zero { stroke: #546e7a; }
      svg .tick, svg .axis-title, svg .key-label { fill: #546e7a; }
      svg .band-label { fill: #2e7d32; }
      svg .empty, svg .missing { fill: #90a4ae; font-size: 14px; }
      @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
        figure.chart, table { break-inside: avoid; } }
      """;

  /** HTML markup; every text and attribute value escaped, every element closed. */
  private static final class Html {
    private final StringBuilder b = new StringBuilder();

    void begin(String title) {
      b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
          .append("<title>")
          .append(esc(title))
          .append("</title><style>")
          .append(STYLE)
          .append("</style></head><body>\n");
    }

    String end() {
      return b.append("</body></html>\n").toString();
    }

    /** {@code attributes} as name, value pairs. */
    void open(String tag, String... attributes) {
      b.append('<').append(tag);
      for (int i = 0; i + 1 < attributes.length; i += 2) {
        b.append(' ')
            .append(attributes[i])
            .append("=\"")
            .append(esc(attributes[i + 1]))
            .append('"');
      }
      b.append('>');
    }

    void close(String tag) {
      b.append("</").append(tag).append('>');
      if (!tag.equals("span") && !tag.equals("td") && !tag.equals("th")) {
        b.append('\n');
      }
    }

    void el(String tag, String text, String... attributes) {
      open(tag, attributes);
      b.append(esc(text));
      close(tag);
    }

    /** Markup made here (a chart). */
    void raw(String markup) {
      b.append(markup).append('\n');
    }

    void figure(String label, String value, String sub) {
      open("div", "class", "figure");
      el("span", label, "class", "label");
      el("span", value, "class", "value");
      if (sub != null) {
        el("span", sub, "class", "sub");
      }
      close("div");
    }

    void row(String name, String value) {
      open("tr");
      el("th", name);
      el("td", value);
      close("tr");
    }

    void header(String... names) {
      open("thead");
      open("tr");
      for (String name : names) {
        el("th", name);
      }
      close("tr");
      close("thead");
    }

    void cells(String... values) {
      open("tr");
      for (String value : values) {
        el("td", value);
      }
      close("tr");
    }
  }

  /** Text for HTML or XML: {@code & < > " '} as references; null as nothing. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // control characters other than tab and line ends are not allowed in HTML or XML
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ words

  /** A meter's savings in words: the figure with its uncertainty, or why there is none. */
  static String savingsWords(MeterSavings m) {
    if (!m.measured()) {
      return "Not measured: " + (m.reason() == null ? "no reason given" : m.reason());
    }
    if (m.savingsKwh() == null) {
      return "Measured, but the savings could not be computed";
    }
    String text = signedKwh(m.savingsKwh());
    String widths = halfWidths(m);
    return widths.isEmpty() ? text : text + " " + widths;
  }

  /** {@code 165.4 kWh saved}, or {@code 12.3 kWh more used}. */
  static String signedKwh(double v) {
    return v >= 0 ? kwh(v) + " saved" : kwh(-v) + " more used";
  }

  static String halfWidths(MeterSavings m) {
    return halfWidths(m.halfWidth68Kwh(), m.halfWidth90Kwh());
  }

  /** {@code ± 12.3 kWh (68 %), ± 20.3 kWh (90 %)}, or what of it is known. */
  static String halfWidths(Double h68, Double h90) {
    List<String> parts = new ArrayList<>();
    if (h68 != null) {
      parts.add("± " + kwh(h68) + " (68 %)");
    }
    if (h90 != null) {
      parts.add("± " + kwh(h90) + " (90 %)");
    }
    return String.join(", ", parts);
  }

  private static String meterName(String meter) {
    if ("cooling".equals(meter)) {
      return "Cooling";
    }
    if ("cooling_it".equals(meter)) {
      return "Cooling + IT";
    }
    return meter;
  }

  private static String method(String method) {
    if ("baseline".equals(method)) {
      return ", against the baseline period";
    }
    if ("pilot".equals(method)) {
      return ", the pilot's controller days against its fixed days";
    }
    return method == null ? "" : ", " + method;
  }

  static String kwh(Double v) {
    return v == null ? "–" : number(v, 1) + " kWh";
  }

  static String celsius(Double v) {
    return v == null ? "–" : number(v, 1) + " °C";
  }

  static String percent(double fraction) {
    return number(fraction * 100, 1) + " %";
  }

  /** {@code v} to {@code decimals} with Locale.ROOT, never {@code -0.0}; empty when missing. */
  static String number(Double v, int decimals) {
    if (v == null || !Double.isFinite(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }

  /** An SVG coordinate. */
  private static String n(double v) {
    return number(v, 1);
  }

  private static String degrees(double c) {
    return c == Math.rint(c) ? String.valueOf((long) c) : number(c, 1);
  }

  /** {@code 45 min}, {@code 3 h 20 min}. */
  static String minutes(int m) {
    if (m < 60) {
      return m + " min";
    }
    return m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
  }

  private static String share(int part, int whole) {
    return whole <= 0 || part <= 0 ? "" : " (" + percent((double) part / whole) + " of the time)";
  }

  private static String capital(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static ZoneId zone(String id) {
    try {
      return id == null ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String time(Instant t, ZoneId zone) {
    return t == null ? "" : MINUTE.format(t.atZone(zone));
  }

  /** {@code November 2026}, or the text as it came. */
  private static String monthName(String month) {
    YearMonth m = yearMonth(month);
    return m == null
        ? String.valueOf(month)
        : m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
  }

  private static YearMonth yearMonth(String month) {
    try {
      return month == null ? null : YearMonth.parse(month);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The period in the report's zone, saying when it is the month so far. */
  private static String period(String month, Instant from, Instant to, ZoneId zone) {
    YearMonth m = yearMonth(month);
    boolean sofar =
        m != null
            && to != null
            && to.isBefore(m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    return "From "
        + time(from, zone)
        + " to "
        + time(to, zone)
        + " ("
        + zone.getId()
        + ")"
        + (sofar ? ": the month so far." : ".");
  }
}
