package dev.setpoint.contracts.edgex;

/**
 * One element of the JSON array posted to add a device.
 *
 * @param apiVersion always {@code v3}
 * @param requestId optional client-chosen id echoed in the item's response
 * @param device the a device to add
 */
public record AddDeviceRequest(String apiVersion, String requestId, Device device) {}
