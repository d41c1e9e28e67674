package dev.setpoint.contracts.telemetry;

/**
 * One numeric reading of an event, e.g. {@code temperature = 23.5 °C}.
 *
 * @param resource the device resource name; becomes the InfluxDB field name
 * @param value the reading as a finite number
 * @param units units as the device reported them, or {@code null}
 */
public record TelemetryReading(String resource, double value, String units) {}
