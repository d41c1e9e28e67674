package dev.setpoint.contracts.alert;

import java.time.Instant;

/**
 * A room's climate as the rules judge it, at one moment; NaN where not known.
 *
 * @param hottestInletC the hottest inlet of its fresh sensors, °C
 * @param inletRateCPerHour the hottest inlet's change over the last hour, scaled to °C per hour
 * @param humidityPct the relative humidity at the hottest inlet, %
 * @param dewPointC the dew point there, °C
 */
public record RoomClimate(
    Instant time,
    double hottestInletC,
    double inletRateCPerHour,
    double humidityPct,
    double dewPointC) {}
