package dev.setpoint.contracts.edgex;

/**
 * Answer of {@code GET /api/v3/version}, as EdgeX's {@code VersionResponse}: no status or request
 * id, only the versions.
 *
 * @param apiVersion always {@code v3}
 * @param version the service's own version
 * @param serviceName which service answered
 */
public record VersionResponse(String apiVersion, String version, String serviceName) {}
