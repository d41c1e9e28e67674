package dev.setpoint.ingest.application.legacy;

/**
 * A v1 device; states already in v3 terms; a missing profile means the generated legacy profile.
 */
public record LegacyDevice(
    String name,
    String description,
    java.util.List<String> labels,
    String adminState,
    String operatingState,
    String serviceName,
    String profileName,
    String addressableName) {}
