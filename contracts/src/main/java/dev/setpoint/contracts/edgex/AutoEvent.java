package dev.setpoint.contracts.edgex;

/**
 * A reading the device service takes on its own schedule.
 *
 * @param interval a Go duration, e.g. {@code 10s}, {@code 1m30s}, {@code 500ms}
 * @param onChange true to send an event only when the value changed
 * @param sourceName the resource or command read
 */
public record AutoEvent(String interval, boolean onChange, String sourceName) {}
