package dev.setpoint.contracts.edgex;

/**
 * Answer of a read of one device by name.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param device the device
 */
public record DeviceResponse(
    String apiVersion, String requestId, String message, int statusCode, Device device) {

  /** The 200 answer. */
  public static DeviceResponse ok(Device device) {
    return new DeviceResponse(ApiVersion.V3, null, null, 200, device);
  }
}
