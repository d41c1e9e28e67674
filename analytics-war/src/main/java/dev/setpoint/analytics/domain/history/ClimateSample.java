package dev.setpoint.analytics.domain.history;

/**
 * One point of a climate series: raw, or the mean of a time bucket (weather category and setpoint
 * are the bucket's last value). A field the device or the weather did not report is null.
 *
 * @param time milliseconds since the epoch (the bucket's start when downsampled)
 * @param temperature indoor temperature, °C
 * @param humidity indoor relative humidity, %
 * @param outdoorTemperature outdoor temperature at the site, °C
 * @param outdoorHumidity outdoor relative humidity at the site, %
 * @param weatherCategory the report's weather category, 1–9
 * @param currentSetpoint the air conditioner's setpoint when the event was forwarded, °C
 */
public record ClimateSample(
    long time,
    Double temperature,
    Double humidity,
    Double outdoorTemperature,
    Double outdoorHumidity,
    Integer weatherCategory,
    Double currentSetpoint) {}
