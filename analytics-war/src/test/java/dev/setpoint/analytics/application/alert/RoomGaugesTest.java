package dev.setpoint.analytics.application.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.RoomClimate;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomGaugesTest {
  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void roomsAndOpenAlertsAreGaugesWithEscapedLabels() {
    String text =
        RoomGauges.exposition(
            List.of(
                new AlertService.RoomNow(
                    "hall \"a\"", "s1", new RoomClimate(T, 27.25, 3, 40, Double.NaN)),
                new AlertService.RoomNow(
                    "b", null, new RoomClimate(T.minusSeconds(30), 22, 0, 50, 11))),
            List.of(
                alert("1", Severity.WARNING),
                alert("2", Severity.WARNING),
                alert("3", Severity.CRITICAL)),
            T);
    assertTrue(text.contains("# TYPE setpoint_room_inlet_celsius gauge\n"), text);
    assertTrue(
        text.contains("setpoint_room_inlet_celsius{site=\"s1\",room=\"hall \\\"a\\\"\"} 27.250\n"),
        text);
    assertTrue(
        text.contains("setpoint_room_reading_age_seconds{site=\"\",room=\"b\"} 30.000\n"), text);
    assertTrue(
        text.contains("setpoint_room_dew_point_celsius{site=\"\",room=\"b\"} 11.000\n"), text);
    assertTrue(!text.contains("setpoint_room_dew_point_celsius{site=\"s1\""), "NaN is left out");
    assertTrue(
        text.contains(
            "setpoint_alerts_open{site=\"s1\",room=\"hall\",subject=\"hall\",kind=\"inlet_high\","
                + "severity=\"warning\",state=\"raised\"} 2\n"),
        text);
    assertEquals(2, text.lines().filter(l -> l.startsWith("setpoint_alerts_open{")).count());
  }

  static Alert alert(String id, Severity s) {
    return new Alert(
        id,
        AlertKind.INLET_HIGH,
        s,
        AlertState.RAISED,
        "hall",
        "s1",
        "hall",
        null,
        null,
        null,
        null,
        T,
        T,
        null,
        null,
        null,
        null,
        null,
        0);
  }
}
