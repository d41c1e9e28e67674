package dev.setpoint.contracts.edgex;

import java.util.List;

/**
 * One page of devices, in name order.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param totalCount how many exist in all, not only on this page
 * @param devices this page
 */
public record MultiDevicesResponse(
    String apiVersion,
    String requestId,
    String message,
    int statusCode,
    long totalCount,
    List<Device> devices) {

  /** The 200 answer. */
  public static MultiDevicesResponse ok(long totalCount, List<Device> devices) {
    return new MultiDevicesResponse(ApiVersion.V3, null, null, 200, totalCount, devices);
  }
}
