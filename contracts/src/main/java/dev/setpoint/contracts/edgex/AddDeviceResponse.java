package dev.setpoint.contracts.edgex;

/**
 * One element of the 207 answer to adding devices: EdgeX's id response, plus the device's bearer
 * token (a Setpoint extension). The token is shown in this answer only; keep it.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the element's request id, when it had one
 * @param message set when the device was stored but its token could not be issued
 * @param statusCode 201
 * @param id the new device's id
 * @param token the device's bearer token for {@code Authorization: Bearer}, or {@code null} when it
 *     could not be issued (then issue one with {@code POST /api/v3/device/name/{name}/token})
 */
public record AddDeviceResponse(
    String apiVersion, String requestId, String message, int statusCode, String id, String token) {

  /** The answer for a device stored with the given token, or without one when it is null. */
  public static AddDeviceResponse created(String requestId, String id, String token) {
    return new AddDeviceResponse(
        ApiVersion.V3,
        requestId,
        token == null
            ? "device stored, but its token could not be issued; POST"
                + " /api/v3/device/name/{name}/token to issue one"
            : null,
        201,
        id,
        token);
  }
}
