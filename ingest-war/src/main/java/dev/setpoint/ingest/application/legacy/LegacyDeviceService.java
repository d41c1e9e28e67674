package dev.setpoint.ingest.application.legacy;

/** A v1 device service; states already in v3 terms. */
public record LegacyDeviceService(
    String name,
    String description,
    java.util.List<String> labels,
    String adminState,
    String operatingState,
    String addressableName) {}
