package dev.setpoint.contracts.edgex;

/**
 * Answer of {@code GET /api/v3/ping}.
 *
 * @param apiVersion always {@code v3}
 * @param timestamp server time, RFC 1123 as EdgeX sends it
 * @param serviceName which service answered
 */
public record PingResponse(String apiVersion, String timestamp, String serviceName) {}
