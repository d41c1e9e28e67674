package dev.setpoint.contracts.edgex;

/**
 * Answer of a read of one device profile by name.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param profile the device profile
 */
public record DeviceProfileResponse(
    String apiVersion, String requestId, String message, int statusCode, DeviceProfile profile) {

  /** The 200 answer. */
  public static DeviceProfileResponse ok(DeviceProfile profile) {
    return new DeviceProfileResponse(ApiVersion.V3, null, null, 200, profile);
  }
}
