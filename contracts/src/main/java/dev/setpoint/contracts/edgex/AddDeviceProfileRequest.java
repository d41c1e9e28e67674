package dev.setpoint.contracts.edgex;

/**
 * One element of the JSON array posted to add a device profile.
 *
 * @param apiVersion always {@code v3}
 * @param requestId optional client-chosen id echoed in the item's response
 * @param profile the a device profile to add
 */
public record AddDeviceProfileRequest(String apiVersion, String requestId, DeviceProfile profile) {}
