package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.energy.RoomAnomaly;
import dev.setpoint.analytics.application.savings.MeterSavings;
import dev.setpoint.analytics.application.savings.MonthReport;
import dev.setpoint.analytics.application.savings.RoomSavings;
import dev.setpoint.analytics.application.savings.SiteMonthReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCsvTest {
  static final Instant FROM = Instant.parse("2026-10-31T23:00:00Z");
  static final Instant TO = Instant.parse("2026-11-04T10:00:00Z");

  /** Four days of November in Paris: a full day, a day without data, a loss, the running day. */
  static MonthReport sample(String room) {
    Map<String, Integer> excluded = new LinkedHashMap<>();
    excluded.put("no outdoor temperature and humidity", 3);
    excluded.put("meter readings excluded (a meter anomaly)", 9);
    MeterSavings cooling =
        new MeterSavings(
            "cooling",
            "baseline",
            true,
            null,
            70,
            excluded,
            1400.0,
            1234.5678,
            165.4322,
            0.1181658,
            12.3456,
            20.30191,
            0.0746,
            0.1227);
    MeterSavings total =
        new MeterSavings(
            "cooling_it",
            "baseline",
            false,
            "the baseline is refused: CV(RMSE) 31.2 % > 30 %",
            0,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    MeterSavings pilotCooling =
        new MeterSavings(
            "cooling",
            "pilot",
            false,
            "both arms need a day ended first (2 fixed, 0 controller days so far)",
            0,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return new MonthReport(
        room,
        "2026-11",
        "Europe/Paris",
        FROM,
        TO,
        new MonthReport.Energy(82, 70, 1234.5678, 4321.0004),
        new RoomSavings(room, FROM, TO, List.of(cooling, total)),
        null,
        new MonthReport.PilotSummary("running", "FFCC", 2, pilotCooling, null),
        new MonthReport.Envelope(18, 27, 15, 4800, 12, 0, 3, 27.456),
        new MonthReport.Setpoints(300, 280, 7, 96, 24.5),
        List.of(
            new RoomAnomaly(
                "=cmd|' /C calc'!A0",
                "cooling",
                "jump",
                Instant.parse("2026-11-03T08:00:00Z"),
                Instant.parse("2026-11-03T09:00:00Z"),
                "counter jumped by 5,000 kWh \"in\" a minute <b>")),
        List.of(
            new MonthReport.RoomAlert(
                "a-1",
                "inlet_high",
                "critical",
                "cleared",
                Instant.parse("2026-11-03T08:10:00Z"),
                Instant.parse("2026-11-03T08:40:00Z"),
                "ops <i>",
                "room <b>: hottest inlet 32.4 °C")),
        List.of(
            new MonthReport.Day(
                LocalDate.of(2026, 11, 1), 400.1234, 1500.0, true, 60.5, 0, 25.5, 3, "fixed"),
            new MonthReport.Day(
                LocalDate.of(2026, 11, 2), null, null, false, null, 0, null, 0, null),
            new MonthReport.Day(
                LocalDate.of(2026, 11, 3),
                410.0,
                1510.0,
                true,
                -12.25,
                12,
                27.456,
                4,
                "controller"),
            new MonthReport.Day(
                LocalDate.of(2026, 11, 4), 50.0, null, false, 2.0, 0, 24.0, 0, "controller")));
  }

  /** A month with nothing: no day begun is impossible, but a report may still carry none. */
  static MonthReport empty(String room) {
    return new MonthReport(
        room,
        "2026-12",
        "UTC",
        Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2026-12-01T00:00:00Z"),
        new MonthReport.Energy(0, 0, null, null),
        null,
        "no baseline period set for the room",
        null,
        new MonthReport.Envelope(18, 27, 15, 0, 0, 0, 0, null),
        new MonthReport.Setpoints(0, 0, 0, 0, null),
        List.of(),
        List.of(),
        List.of());
  }

  static SiteMonthReport site(String name) {
    return new SiteMonthReport(
        name,
        "2026-11",
        "Europe/Paris",
        FROM,
        TO,
        1234.5678,
        4321.0004,
        165.4322,
        12.3456,
        20.30191,
        1,
        12,
        1,
        List.of(sample("room-a"), empty("+room-b")));
  }

  /** RFC 4180 records: fields split at commas outside quotes, quotes undoubled. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        assertEquals('\n', csv.charAt(i + 1), "CR only before LF, at " + i);
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        assertFalse(c == '\n', "a bare LF at " + i);
        field.append(c);
      }
    }
    assertFalse(quoted, "an unclosed quote");
    assertTrue(row.size() == 0 && field.length() == 0, "the last record ends with CRLF");
    return rows;
  }

  private static List<String> figure(List<List<String>> rows, String name) {
    return rows.stream()
        .filter(r -> r.get(0).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
  }

  @Test
  void aRoomsFiguresThenABlankLineThenOneRowPerDay() {
    String csv = ReportCsv.room(sample("rack room, \"east\""));
    List<List<String>> rows = parse(csv);

    assertEquals(List.of("figure", "value", "unit"), rows.get(0));
    int blank = rows.indexOf(List.of(""));
    assertTrue(blank > 0, "a blank line between the blocks");
    rows.subList(0, blank).forEach(r -> assertEquals(3, r.size(), "a figure row: " + r));
    assertEquals(List.of("room", "rack room, \"east\"", ""), rows.get(1));
    assertTrue(csv.contains("room,\"rack room, \"\"east\"\"\",\r\n"), csv);
    assertEquals(List.of("month", "2026-11", ""), figure(rows, "month"));
    assertEquals(List.of("zone", "Europe/Paris", ""), figure(rows, "zone"));
    assertEquals(List.of("cooling energy", "1234.568", "kWh"), figure(rows, "cooling energy"));
    assertEquals(List.of("IT energy", "4321.000", "kWh"), figure(rows, "IT energy"));
    assertEquals(List.of("savings cooling", "165.432", "kWh"), figure(rows, "savings cooling"));
    assertEquals("12.346", figure(rows, "savings cooling half-width 68 %").get(1));
    assertEquals("20.302", figure(rows, "savings cooling half-width 90 %").get(1));
    assertEquals(
        List.of("savings cooling fraction", "11.82", "%"),
        figure(rows, "savings cooling fraction"));
    assertEquals(
        List.of("savings cooling usable hours", "70", "h"),
        figure(rows, "savings cooling usable hours"));
    assertEquals(
        List.of(
            "savings cooling excluded hours: meter readings excluded (a meter anomaly)", "9", "h"),
        figure(rows, "savings cooling excluded hours: meter readings excluded (a meter anomaly)"));
    assertEquals(
        List.of("savings cooling_it", "the baseline is refused: CV(RMSE) 31.2 % > 30 %", ""),
        figure(rows, "savings cooling_it"));
    assertEquals("12", figure(rows, "minutes inlet above 27 °C").get(1));
    assertEquals("0", figure(rows, "minutes inlet below 18 °C").get(1));
    assertEquals("3", figure(rows, "minutes dew point above 15 °C").get(1));
    assertEquals(List.of("hottest inlet", "27.46", "°C"), figure(rows, "hottest inlet"));
    assertEquals("7", figure(rows, "setpoint changes").get(1));
    assertEquals("1", figure(rows, "alerts").get(1));
    assertEquals("running", figure(rows, "pilot status").get(1));
    assertEquals("FFCC", figure(rows, "pilot schedule").get(1));
    assertEquals(
        "both arms need a day ended first (2 fixed, 0 controller days so far)",
        figure(rows, "pilot savings cooling").get(1));

    assertEquals(ReportCsv.DAY_HEADER, String.join(",", rows.get(blank + 1)));
    assertEquals(
        List.of(
            "2026-11-01,400.123,1500.000,true,60.500,0,25.50,3,fixed",
            "2026-11-02,,,false,,0,,0,",
            "2026-11-03,410.000,1510.000,true,-12.250,12,27.46,4,controller",
            "2026-11-04,50.000,,false,2.000,0,24.00,0,controller"),
        rows.subList(blank + 2, rows.size()).stream().map(r -> String.join(",", r)).toList());
  }

  @Test
  void theRoomsAlertsAreCountedAmongItsFigures() {
    String csv = ReportCsv.room(sample("room-1"));
    assertTrue(csv.contains("room alerts raised,1,\r\n"), csv);
    assertTrue(csv.contains("room alerts critical,1,\r\n"), csv);
  }

  @Test
  void textThatASpreadsheetWouldRunGetsAQuoteNumbersDoNot() {
    assertEquals("'=SUM(A1)", ReportCsv.text("=SUM(A1)"));
    assertEquals("'+1", ReportCsv.text("+1"));
    assertEquals("'-2+3", ReportCsv.text("-2+3"));
    assertEquals("'@x", ReportCsv.text("@x"));
    assertEquals("'\tx", ReportCsv.text("\tx"));
    assertEquals("a=b", ReportCsv.text("a=b"));
    assertEquals("\"'=1,2\"", ReportCsv.field(ReportCsv.text("=1,2")));

    List<List<String>> rows = parse(ReportCsv.room(sample("=HYPERLINK(\"x\")")));
    assertEquals("'=HYPERLINK(\"x\")", rows.get(1).get(1));
    // a negative saving stays a number
    assertTrue(
        rows.stream().anyMatch(r -> r.get(0).equals("2026-11-03") && r.get(4).equals("-12.250")));
  }

  @Test
  void numbersAreRoundedWithoutLocaleOrNegativeZero() {
    assertEquals("0.000", ReportCsv.kwh(-0.0001));
    assertEquals("-0.001", ReportCsv.kwh(-0.0006));
    assertEquals("1234567.891", ReportCsv.kwh(1234567.8906));
    assertEquals("", ReportCsv.kwh(null));
    assertEquals("", ReportCsv.kwh(Double.NaN));
    assertEquals("0.00", ReportCsv.celsius(-0.004));
    assertEquals("-3.25", ReportCsv.celsius(-3.2501));
    assertEquals("12.50", ReportCsv.percent(0.125));
  }

  @Test
  void anEmptyMonthSaysWhyThereAreNoSavingsAndHasNoDays() {
    List<List<String>> rows = parse(ReportCsv.room(empty("r")));
    assertEquals(
        List.of("savings", "no baseline period set for the room", ""), figure(rows, "savings"));
    assertEquals(List.of("cooling energy", "", "kWh"), figure(rows, "cooling energy"));
    assertEquals(List.of("hottest inlet", "", "°C"), figure(rows, "hottest inlet"));
    assertEquals(List.of("pilot status", "none", ""), figure(rows, "pilot status"));
    assertEquals(ReportCsv.DAY_HEADER, String.join(",", rows.get(rows.size() - 1)));
    assertEquals(List.of(""), rows.get(rows.size() - 2));
  }

  @Test
  void aSiteHasARowPerRoomAndATotalsRow() {
    List<List<String>> rows = parse(ReportCsv.site(site("site, <1>")));
    assertEquals(List.of("site", "site, <1>", ""), rows.get(1));
    assertEquals("2", figure(rows, "rooms").get(1));
    assertEquals("165.432", figure(rows, "cooling savings").get(1));
    assertEquals("12.346", figure(rows, "cooling savings half-width 68 %").get(1));
    int blank = rows.indexOf(List.of(""));
    assertEquals(ReportCsv.ROOM_HEADER, String.join(",", rows.get(blank + 1)));
    int columns = rows.get(blank + 1).size();
    List<List<String>> table = rows.subList(blank + 2, rows.size());
    assertEquals(3, table.size(), "two rooms and the totals");
    table.forEach(r -> assertEquals(columns, r.size(), "a table row: " + r));
    assertEquals(
        "room-a,1234.568,4321.000,165.432,12.346,20.302,,70,12,0,3,27.46,7,1,running",
        String.join(",", table.get(0)));
    assertEquals(
        "'+room-b,,,,,,no baseline period set for the room,,0,0,0,,0,0,",
        String.join(",", table.get(1)));
    assertEquals(
        "total,1234.568,4321.000,165.432,12.346,20.302,1 of 2 rooms measured,70,12,0,3,27.46,7,1,",
        String.join(",", table.get(2)));
  }
}
