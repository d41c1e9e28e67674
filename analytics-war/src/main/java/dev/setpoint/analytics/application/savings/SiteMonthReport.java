package dev.setpoint.analytics.application.savings;

import java.time.Instant;
import java.util.List;

/**
 * A site's month: each room's report and the site's totals. The savings total is the sum of the
 * rooms whose savings were measured; its half-widths combine the rooms' in quadrature (the rooms'
 * baselines are fitted independently).
 *
 * @param roomsWithSavings rooms whose cooling savings were measured
 * @param alerts the rooms' meter anomalies and alerts raised in the month
 */
public record SiteMonthReport(
    String site,
    String month,
    String zone,
    Instant from,
    Instant to,
    Double coolingKwh,
    Double itKwh,
    Double savingsKwh,
    Double halfWidth68Kwh,
    Double halfWidth90Kwh,
    int roomsWithSavings,
    int minutesAbove,
    int alerts,
    List<MonthReport> rooms) {}
