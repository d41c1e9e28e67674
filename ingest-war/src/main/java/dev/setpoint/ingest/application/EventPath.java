package dev.setpoint.ingest.application;

/**
 * The names in {@code /api/v3/event/{serviceName}/{profileName}/{deviceName}/{sourceName}}.
 *
 * @param serviceName device service that sent the event
 * @param profileName device profile
 * @param deviceName device
 * @param sourceName source
 */
public record EventPath(
    String serviceName, String profileName, String deviceName, String sourceName) {}
