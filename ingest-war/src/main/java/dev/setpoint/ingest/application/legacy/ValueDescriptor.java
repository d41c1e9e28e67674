package dev.setpoint.ingest.application.legacy;

/**
 * A v1 value descriptor: one named, typed value a device reports; {@code valueType} is already the
 * v3 name.
 */
public record ValueDescriptor(
    String id,
    String name,
    Double min,
    Double max,
    String defaultValue,
    String valueType,
    String uomLabel,
    String formatting,
    java.util.List<String> labels,
    String description) {}
