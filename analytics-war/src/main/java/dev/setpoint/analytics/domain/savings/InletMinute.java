package dev.setpoint.analytics.domain.savings;

import java.time.Instant;

/**
 * A room's minute of inlet climate: the hottest inlet any of its devices reported in the minute,
 * and the mean temperature and humidity (for the dew point).
 *
 * @param minute the minute's start
 * @param hottestC the highest temperature reported, °C
 * @param meanC the mean temperature, °C
 * @param meanRhPct the mean relative humidity, %, or null
 */
public record InletMinute(Instant minute, double hottestC, double meanC, Double meanRhPct) {}
