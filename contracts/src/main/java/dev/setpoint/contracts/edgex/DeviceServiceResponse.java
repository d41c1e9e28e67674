package dev.setpoint.contracts.edgex;

/**
 * Answer of a read of one device service by name.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param service the device service
 */
public record DeviceServiceResponse(
    String apiVersion, String requestId, String message, int statusCode, DeviceService service) {

  /** The 200 answer. */
  public static DeviceServiceResponse ok(DeviceService service) {
    return new DeviceServiceResponse(ApiVersion.V3, null, null, 200, service);
  }
}
