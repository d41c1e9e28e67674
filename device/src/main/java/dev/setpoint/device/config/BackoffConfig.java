package dev.setpoint.device.config;

import java.time.Duration;

/** The waits after ingest failed, for resending buffered events and for registration alike. */
public record BackoffConfig(Duration initial, Duration max) {}
