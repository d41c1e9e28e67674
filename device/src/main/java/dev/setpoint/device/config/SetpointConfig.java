package dev.setpoint.device.config;

import dev.setpoint.device.actuator.SafeRange;

/** The safe range every commanded setpoint must fall in, and the setpoint before any command. */
public record SetpointConfig(SafeRange range, double initial) {}
