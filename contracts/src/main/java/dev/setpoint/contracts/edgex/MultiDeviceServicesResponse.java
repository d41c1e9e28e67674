package dev.setpoint.contracts.edgex;

import java.util.List;

/**
 * One page of device services, in name order.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param totalCount how many exist in all, not only on this page
 * @param services this page
 */
public record MultiDeviceServicesResponse(
    String apiVersion,
    String requestId,
    String message,
    int statusCode,
    long totalCount,
    List<DeviceService> services) {

  /** The 200 answer. */
  public static MultiDeviceServicesResponse ok(long totalCount, List<DeviceService> services) {
    return new MultiDeviceServicesResponse(ApiVersion.V3, null, null, 200, totalCount, services);
  }
}
