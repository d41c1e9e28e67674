package dev.setpoint.analytics.application.savings;

import dev.setpoint.model.mv.Savings;
import java.util.Map;

/**
 * One meter's savings over a period: the baseline's prediction for the period's conditions less the
 * metered energy, with Guideline 14's fractional uncertainty, or the reason there are none.
 *
 * @param meter {@code cooling} or {@code cooling_it}
 * @param method {@code baseline} (a baseline period before) or {@code pilot} (the pilot's fixed
 *     days)
 * @param measured whether savings could be measured
 * @param reason why not, or null
 * @param usableHours the period's hours compared (m)
 * @param excludedHours the period's hours left out, by reason (a meter anomaly, a gap, no weather)
 * @param adjustedBaselineKwh Σ of the baseline's prediction over the compared hours
 * @param meteredKwh Σ of the metered energy over them
 * @param savingsKwh the difference: positive is energy saved
 * @param savingsFraction the savings over the adjusted baseline
 * @param halfWidth68Kwh the savings' half-width at 68 % confidence
 * @param halfWidth90Kwh at 90 %
 * @param uncertainty68 ΔE/E at 68 %
 * @param uncertainty90 ΔE/E at 90 %
 */
public record MeterSavings(
    String meter,
    String method,
    boolean measured,
    String reason,
    int usableHours,
    Map<String, Integer> excludedHours,
    Double adjustedBaselineKwh,
    Double meteredKwh,
    Double savingsKwh,
    Double savingsFraction,
    Double halfWidth68Kwh,
    Double halfWidth90Kwh,
    Double uncertainty68,
    Double uncertainty90) {

  /** None, for {@code reason}. */
  static MeterSavings refused(
      String meter, String method, String reason, int usable, Map<String, Integer> excluded) {
    return new MeterSavings(
        meter, method, false, reason, usable, excluded, null, null, null, null, null, null, null,
        null);
  }

  /** The figures of {@code s}; non-finite ones (an uncertainty at zero savings) are null. */
  static MeterSavings of(String meter, String method, Savings s, Map<String, Integer> excluded) {
    return new MeterSavings(
        meter,
        method,
        true,
        null,
        s.m(),
        excluded,
        finite(s.adjustedBaselineKwh()),
        finite(s.meteredKwh()),
        finite(s.savingsKwh()),
        finite(s.fraction()),
        finite(s.halfWidthKwh(false)),
        finite(s.halfWidthKwh(true)),
        finite(s.uncertainty68()),
        finite(s.uncertainty90()));
  }

  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
