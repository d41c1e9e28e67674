package dev.setpoint.contracts.alert;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert rules' thresholds, with defaults from ASHRAE's thermal guidelines for data processing
 * environments (class A1: recommended inlet 18–27 °C, allowable 15–32 °C; recommended dew point −9
 * to 15 °C and at most 60 % RH; allowable 8–80 % RH and a dew point up to 17 °C; at most 20 °C
 * change within an hour), overridable per site and per room by name ({@link #with(Map)}).
 *
 * <p>Each band has a hysteresis: a condition raised at a limit clears only once the value is back
 * past the limit by the hysteresis, so a value hovering at the threshold does not flap.
 *
 * @param inletWarningC hottest inlet above which a warning is raised, °C
 * @param inletCriticalC … a critical alert, °C
 * @param inletHysteresisC the inlet's hysteresis, K
 * @param inletRateCPerHour the inlet's change per hour above which a warning is raised, °C/h
 * @param rateHysteresisCPerHour its hysteresis, °C/h
 * @param humidityHighWarningPct relative humidity above which a warning is raised, %
 * @param humidityHighCriticalPct … a critical alert, %
 * @param humidityLowCriticalPct relative humidity below which a critical alert is raised, %
 * @param humidityHysteresisPct the humidity's hysteresis, % RH
 * @param dewPointHighWarningC dew point above which a warning is raised, °C
 * @param dewPointHighCriticalC … a critical alert, °C
 * @param dewPointLowWarningC dew point below which a warning is raised, °C
 * @param dewPointHysteresisC the dew point's hysteresis, K
 * @param offlineIntervals a device is offline after this many of its reporting intervals of silence
 * @param renotifyMinutes an open, unacknowledged alert is notified again this often, minutes
 * @param backlogMinutes an edge hub's oldest unsent event older than this raises a warning, minutes
 * @param edgeSilentMinutes an edge hub not heard from for this long raises a critical alert,
 *     minutes
 * @param consumerLagRecords analytics' consumer lag above this many records raises a warning
 */
public record AlertRules(
    double inletWarningC,
    double inletCriticalC,
    double inletHysteresisC,
    double inletRateCPerHour,
    double rateHysteresisCPerHour,
    double humidityHighWarningPct,
    double humidityHighCriticalPct,
    double humidityLowCriticalPct,
    double humidityHysteresisPct,
    double dewPointHighWarningC,
    double dewPointHighCriticalC,
    double dewPointLowWarningC,
    double dewPointHysteresisC,
    double offlineIntervals,
    double renotifyMinutes,
    double backlogMinutes,
    double edgeSilentMinutes,
    double consumerLagRecords) {

  /** The defaults. */
  public static final AlertRules DEFAULTS =
      new AlertRules(27, 32, 0.5, 20, 2, 60, 80, 8, 2, 15, 17, -9, 0.5, 3, 60, 15, 5, 10_000);

  public AlertRules {
    check("inletWarningC < inletCriticalC", inletWarningC < inletCriticalC);
    check(
        "humidityHighWarningPct < humidityHighCriticalPct",
        humidityHighWarningPct < humidityHighCriticalPct);
    check(
        "humidityLowCriticalPct < humidityHighWarningPct",
        humidityLowCriticalPct < humidityHighWarningPct);
    check("dewPointLowWarningC < dewPointHighWarningC", dewPointLowWarningC < dewPointHighWarningC);
    check(
        "dewPointHighWarningC < dewPointHighCriticalC",
        dewPointHighWarningC < dewPointHighCriticalC);
    check(
        "hysteresis ≥ 0",
        inletHysteresisC >= 0
            && rateHysteresisCPerHour >= 0
            && humidityHysteresisPct >= 0
            && dewPointHysteresisC >= 0);
    check(
        "intervals, minutes and lag > 0",
        inletRateCPerHour > 0
            && offlineIntervals > 0
            && renotifyMinutes > 0
            && backlogMinutes > 0
            && edgeSilentMinutes > 0
            && consumerLagRecords > 0);
  }

  private static void check(String rule, boolean holds) {
    if (!holds) {
      throw new IllegalArgumentException("alert rules must satisfy " + rule);
    }
  }

  /** The names of the thresholds, in order. */
  public static List<String> names() {
    return Arrays.stream(AlertRules.class.getRecordComponents())
        .map(RecordComponent::getName)
        .toList();
  }

  /** The thresholds by name. */
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (RecordComponent c : AlertRules.class.getRecordComponents()) {
      try {
        values.put(c.getName(), (Double) c.getAccessor().invoke(this));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }

  /**
   * These rules with some thresholds replaced by name.
   *
   * @throws IllegalArgumentException for an unknown name, a value that is not a finite number, or
   *     thresholds that together make no sense (a warning above its critical limit)
   */
  public AlertRules with(Map<String, Double> overrides) {
    Map<String, Double> values = values();
    for (Map.Entry<String, Double> o : overrides.entrySet()) {
      if (!values.containsKey(o.getKey())) {
        throw new IllegalArgumentException(
            "'"
                + o.getKey()
                + "' is not an alert threshold (known: "
                + String.join(", ", names())
                + ")");
      }
      if (o.getValue() == null || !Double.isFinite(o.getValue())) {
        throw new IllegalArgumentException(o.getKey() + " must be a finite number");
      }
      values.put(o.getKey(), o.getValue());
    }
    double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
    Class<?>[] types = new Class<?>[v.length];
    Object[] args = new Object[v.length];
    for (int i = 0; i < v.length; i++) {
      types[i] = double.class;
      args[i] = v[i];
    }
    try {
      return AlertRules.class.getDeclaredConstructor(types).newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
