package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.ingest.application.IssuedDeviceToken;

/**
 * The answer to issuing a device token, in the shape of an EdgeX response: the token is in it once
 * and never again.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent: the request has no body
 * @param statusCode 201
 * @param deviceName the device the token speaks for
 * @param token the bearer token for the device's {@code Authorization} header
 * @param created when it was issued, milliseconds since the epoch
 */
public record DeviceTokenResponse(
    String apiVersion,
    String requestId,
    int statusCode,
    String deviceName,
    String token,
    long created) {

  static DeviceTokenResponse of(IssuedDeviceToken issued) {
    return new DeviceTokenResponse(
        ApiVersion.V3,
        null,
        201,
        issued.deviceName(),
        issued.token(),
        issued.createdAt().toEpochMilli());
  }
}
