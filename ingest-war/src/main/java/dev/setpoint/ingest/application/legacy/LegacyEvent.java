package dev.setpoint.ingest.application.legacy;

/** A v1 event as sent: origin in ms or ns, or absent. */
public record LegacyEvent(String device, Long origin, java.util.List<LegacyReading> readings) {}
