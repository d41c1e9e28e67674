package dev.setpoint.contracts.edgex;

/**
 * One element of the JSON array sent with {@code PATCH /api/v3/device}.
 *
 * @param apiVersion always {@code v3}
 * @param requestId optional client-chosen id echoed in the item's response
 * @param device the device's name and the fields to change
 */
public record UpdateDeviceRequest(String apiVersion, String requestId, UpdateDevice device) {}
