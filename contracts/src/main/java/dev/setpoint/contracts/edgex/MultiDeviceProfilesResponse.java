package dev.setpoint.contracts.edgex;

import java.util.List;

/**
 * One page of device profiles, in name order.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param totalCount how many exist in all, not only on this page
 * @param profiles this page
 */
public record MultiDeviceProfilesResponse(
    String apiVersion,
    String requestId,
    String message,
    int statusCode,
    long totalCount,
    List<DeviceProfile> profiles) {

  /** The 200 answer. */
  public static MultiDeviceProfilesResponse ok(long totalCount, List<DeviceProfile> profiles) {
    return new MultiDeviceProfilesResponse(ApiVersion.V3, null, null, 200, totalCount, profiles);
  }
}
