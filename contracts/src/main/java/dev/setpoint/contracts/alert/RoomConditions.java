package dev.setpoint.contracts.alert;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The room conditions the rules raise, with their severity, from a room's climate and the
 * conditions raised before (for the hysteresis). Pure: the edge and the cloud evaluate the same
 * code on the same readings.
 *
 * <p>Each band is a ladder: above the critical limit a condition is critical; above the warning
 * limit, a warning; a raised condition keeps its severity until the value is back past the limit by
 * the hysteresis (a critical inlet falling to 31.8 °C with a 0.5 K hysteresis stays critical; at
 * 31.4 °C it is a warning). A value that is not known keeps what was raised: a gap in the readings
 * neither raises nor clears (a silent device has its own alert).
 */
public final class RoomConditions {
  /** The kinds of room condition, in the order {@link #judge} answers them. */
  public static final List<AlertKind> KINDS =
      List.of(AlertKind.INLET_HIGH, AlertKind.INLET_RATE, AlertKind.HUMIDITY, AlertKind.DEW_POINT);

  private RoomConditions() {}

  /**
   * Every room condition ({@link #KINDS}, in order) judged now, given those raised before, with the
   * value, threshold and message an alert of it carries.
   */
  public static List<RoomFinding> judge(
      AlertRules rules, String room, RoomClimate climate, Map<AlertKind, Severity> before) {
    Map<AlertKind, Severity> now = evaluate(rules, climate, before);
    Severity inlet = now.get(AlertKind.INLET_HIGH);
    return List.of(
        new RoomFinding(
            AlertKind.INLET_HIGH,
            inlet,
            known(climate.hottestInletC()),
            inlet == Severity.CRITICAL ? rules.inletCriticalC() : rules.inletWarningC(),
            room,
            climate.hottestInletC()),
        new RoomFinding(
            AlertKind.INLET_RATE,
            now.get(AlertKind.INLET_RATE),
            known(climate.inletRateCPerHour()),
            rules.inletRateCPerHour(),
            room,
            climate.inletRateCPerHour()),
        new RoomFinding(
            AlertKind.HUMIDITY,
            now.get(AlertKind.HUMIDITY),
            known(climate.humidityPct()),
            null,
            room,
            climate.humidityPct()),
        new RoomFinding(
            AlertKind.DEW_POINT,
            now.get(AlertKind.DEW_POINT),
            known(climate.dewPointC()),
            null,
            room,
            climate.dewPointC()));
  }

  private static Double known(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** The conditions raised now, given those raised before. */
  public static Map<AlertKind, Severity> evaluate(
      AlertRules rules, RoomClimate climate, Map<AlertKind, Severity> before) {
    Map<AlertKind, Severity> now = new EnumMap<>(AlertKind.class);
    put(
        now,
        AlertKind.INLET_HIGH,
        above(
            climate.hottestInletC(),
            rules.inletWarningC(),
            rules.inletCriticalC(),
            rules.inletHysteresisC(),
            before.get(AlertKind.INLET_HIGH)));
    put(
        now,
        AlertKind.INLET_RATE,
        above(
            Math.abs(climate.inletRateCPerHour()),
            rules.inletRateCPerHour(),
            Double.POSITIVE_INFINITY,
            rules.rateHysteresisCPerHour(),
            before.get(AlertKind.INLET_RATE)));
    put(
        now,
        AlertKind.HUMIDITY,
        worse(
            above(
                climate.humidityPct(),
                rules.humidityHighWarningPct(),
                rules.humidityHighCriticalPct(),
                rules.humidityHysteresisPct(),
                before.get(AlertKind.HUMIDITY)),
            above(
                -climate.humidityPct(),
                Double.POSITIVE_INFINITY,
                -rules.humidityLowCriticalPct(),
                rules.humidityHysteresisPct(),
                before.get(AlertKind.HUMIDITY))));
    put(
        now,
        AlertKind.DEW_POINT,
        worse(
            above(
                climate.dewPointC(),
                rules.dewPointHighWarningC(),
                rules.dewPointHighCriticalC(),
                rules.dewPointHysteresisC(),
                before.get(AlertKind.DEW_POINT)),
            above(
                -climate.dewPointC(),
                -rules.dewPointLowWarningC(),
                Double.POSITIVE_INFINITY,
                rules.dewPointHysteresisC(),
                before.get(AlertKind.DEW_POINT))));
    return now;
  }

  /**
   * The severity of a value against a rising ladder: critical above {@code critical}, a warning
   * above {@code warning}, each kept down to its limit less the hysteresis when raised before; an
   * unknown value keeps what was raised.
   */
  static Severity above(
      double value, double warning, double critical, double hysteresis, Severity before) {
    if (Double.isNaN(value)) {
      return before;
    }
    if (value > critical || (before == Severity.CRITICAL && value > critical - hysteresis)) {
      return Severity.CRITICAL;
    }
    if (value > warning || (before != null && value > warning - hysteresis)) {
      return Severity.WARNING;
    }
    return null;
  }

  private static Severity worse(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void put(Map<AlertKind, Severity> map, AlertKind kind, Severity severity) {
    if (severity != null) {
      map.put(kind, severity);
    }
  }
}
