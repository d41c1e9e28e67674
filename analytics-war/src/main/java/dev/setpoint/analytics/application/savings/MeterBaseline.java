package dev.setpoint.analytics.application.savings;

import java.util.Map;

/**
 * A room's baseline for one meter, fitted on its baseline period, with Guideline 14's verdict.
 *
 * @param meter {@code cooling} or {@code cooling_it}
 * @param accepted whether it may serve as a basis for savings (fitted, and within Guideline 14's
 *     hourly criteria)
 * @param verdict why it is accepted or refused, in words
 * @param model the fitted model in a line (form, change points, terms, n, p), or null when none was
 *     fitted
 * @param usableHours hours fitted
 * @param excludedHours hours of the period left out, by reason
 * @param cvRmse CV(RMSE) with n − p in its denominator, or null
 * @param nmbe NMBE, or null
 * @param monthlyVerdict Guideline 14's verdict on calendar-month sums (needs more months than
 *     parameters), or null
 * @param residualLag1 the residuals' lag-1 autocorrelation, or null
 */
public record MeterBaseline(
    String meter,
    boolean accepted,
    String verdict,
    String model,
    int usableHours,
    Map<String, Integer> excludedHours,
    Double cvRmse,
    Double nmbe,
    String monthlyVerdict,
    Double residualLag1) {}
