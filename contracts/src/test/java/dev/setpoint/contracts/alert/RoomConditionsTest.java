package dev.setpoint.contracts.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomConditionsTest {
  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
  static final AlertRules R = AlertRules.DEFAULTS;

  static RoomClimate inlet(double c) {
    return new RoomClimate(T, c, 0, 45, 10);
  }

  /** The inlet's severities as a value walks through {@code values}, each from the one before. */
  static List<Severity> walk(double... values) {
    Map<AlertKind, Severity> active = new EnumMap<>(AlertKind.class);
    List<Severity> seen = new ArrayList<>();
    for (double v : values) {
      active = RoomConditions.evaluate(R, inlet(v), active);
      seen.add(active.get(AlertKind.INLET_HIGH));
    }
    return seen;
  }

  @Test
  void theInletLadderRaisesAWarningThenACriticalAndClearsPastTheHysteresis() {
    assertEquals(
        java.util.Arrays.asList(
            null,
            Severity.WARNING,
            Severity.CRITICAL,
            Severity.CRITICAL, // 31.6: within the hysteresis of 32
            Severity.WARNING,
            Severity.WARNING, // 26.7: within the hysteresis of 27
            null),
        walk(26.0, 27.2, 32.1, 31.6, 31.4, 26.7, 26.4));
  }

  @Test
  void aValueHoveringAtTheThresholdDoesNotFlap() {
    List<Severity> seen = walk(27.1, 26.9, 27.05, 26.8, 27.1, 26.9);
    assertTrue(seen.stream().allMatch(s -> s == Severity.WARNING), seen.toString());
  }

  @Test
  void anUnknownValueNeitherRaisesNorClears() {
    Map<AlertKind, Severity> active =
        RoomConditions.evaluate(R, inlet(33), new EnumMap<>(AlertKind.class));
    Map<AlertKind, Severity> gap =
        RoomConditions.evaluate(
            R, new RoomClimate(T, Double.NaN, Double.NaN, Double.NaN, Double.NaN), active);
    assertEquals(active, gap);
    assertEquals(
        Map.of(),
        RoomConditions.evaluate(
            R,
            new RoomClimate(T, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
            new EnumMap<>(AlertKind.class)));
  }

  @Test
  void rateHumidityAndDewPointHaveTheirOwnBands() {
    Map<AlertKind, Severity> none = new EnumMap<>(AlertKind.class);
    assertEquals(
        Map.of(AlertKind.INLET_RATE, Severity.WARNING),
        RoomConditions.evaluate(R, new RoomClimate(T, 24, -21, 45, 10), none));
    assertEquals(
        Map.of(AlertKind.HUMIDITY, Severity.WARNING),
        RoomConditions.evaluate(R, new RoomClimate(T, 24, 0, 65, 10), none));
    assertEquals(
        Map.of(AlertKind.HUMIDITY, Severity.CRITICAL),
        RoomConditions.evaluate(R, new RoomClimate(T, 24, 0, 82, 10), none));
    assertEquals(
        Map.of(AlertKind.HUMIDITY, Severity.CRITICAL),
        RoomConditions.evaluate(R, new RoomClimate(T, 24, 0, 6, -12), none).entrySet().stream()
            .filter(e -> e.getKey() == AlertKind.HUMIDITY)
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertEquals(
        Map.of(AlertKind.DEW_POINT, Severity.WARNING),
        RoomConditions.evaluate(R, new RoomClimate(T, 24, 0, 45, -10), none));
    assertEquals(
        Map.of(AlertKind.DEW_POINT, Severity.CRITICAL),
        RoomConditions.evaluate(R, new RoomClimate(T, 24, 0, 55, 17.5), none));
  }

  @Test
  void rulesAreOverriddenByNameAndCheckedAsAWhole() {
    AlertRules r = R.with(Map.of("inletWarningC", 25.0));
    assertEquals(25.0, r.inletWarningC());
    assertEquals(R.inletCriticalC(), r.inletCriticalC());
    assertEquals(
        Map.of(AlertKind.INLET_HIGH, Severity.WARNING),
        RoomConditions.evaluate(r, inlet(25.5), new EnumMap<>(AlertKind.class)));
    var unknown =
        assertThrows(IllegalArgumentException.class, () -> R.with(Map.of("inletC", 25.0)));
    assertTrue(unknown.getMessage().contains("not an alert threshold"), unknown.getMessage());
    var order =
        assertThrows(IllegalArgumentException.class, () -> R.with(Map.of("inletWarningC", 33.0)));
    assertTrue(order.getMessage().contains("inletWarningC < inletCriticalC"), order.getMessage());
    assertThrows(IllegalArgumentException.class, () -> R.with(Map.of("inletWarningC", Double.NaN)));
    assertEquals(AlertRules.names().size(), R.values().size());
  }

  @Test
  void anAlertsIdIsTheSameWhereverItIsRaisedWithinTheMinute() {
    String edge = AlertIds.of(AlertKind.INLET_HIGH, "hall-a", T.plusSeconds(5));
    String cloud = AlertIds.of(AlertKind.INLET_HIGH, "hall-a", T.plusSeconds(50));
    assertEquals(edge, cloud);
    assertNotEquals(edge, AlertIds.of(AlertKind.INLET_HIGH, "hall-b", T));
    assertNotEquals(edge, AlertIds.of(AlertKind.INLET_RATE, "hall-a", T));
    assertNotEquals(edge, AlertIds.of(AlertKind.INLET_HIGH, "hall-a", T.plusSeconds(60)));
  }

  @Test
  void judgingGivesEveryRoomKindWithTheWordsAndFiguresAnAlertCarries() {
    List<RoomFinding> findings =
        RoomConditions.judge(
            R,
            "hall",
            new RoomClimate(T, 32.46, Double.NaN, 45, 10),
            new EnumMap<>(AlertKind.class));
    assertEquals(RoomConditions.KINDS, findings.stream().map(RoomFinding::kind).toList());
    RoomFinding inlet = findings.getFirst();
    assertEquals(Severity.CRITICAL, inlet.severity());
    assertEquals(32.46, inlet.value());
    assertEquals(32.0, inlet.threshold(), "the limit of the severity reached");
    assertEquals("room hall: hottest inlet 32.5 °C", inlet.message());
    RoomFinding rate = findings.get(1);
    assertEquals(null, rate.severity());
    assertEquals(null, rate.value(), "not known yet");
    assertEquals("room hall: relative humidity 45 %", findings.get(2).message());
  }
}
