package dev.setpoint.ingest.application.legacy;

/** A v1 reading: the value as text whether it was sent as a string or a number. */
public record LegacyReading(String name, String value, Long origin) {}
