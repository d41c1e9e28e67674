package dev.setpoint.contracts.telemetry;

/**
 * The outdoor weather at a device's site when its event was forwarded: what the report fed the
 * model beside the indoor readings.
 *
 * @param temperature outdoor air temperature, °C
 * @param humidity outdoor relative humidity, % (0–100)
 * @param category the report's weather category, 1–9 (see the relay's mapping table)
 * @param observedAt when the provider observed it, milliseconds since the epoch
 * @param source the provider, e.g. {@code openweathermap} or {@code simulated}
 * @param stale whether the provider could not be reached and this is the last known value
 * @param ageSeconds how old the observation was when attached
 * @param simulated whether it comes from the simulated provider rather than a real one
 */
public record OutdoorConditions(
    Double temperature,
    Double humidity,
    Integer category,
    long observedAt,
    String source,
    boolean stale,
    long ageSeconds,
    boolean simulated) {}
