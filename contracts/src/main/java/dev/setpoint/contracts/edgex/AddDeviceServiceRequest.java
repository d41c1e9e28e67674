package dev.setpoint.contracts.edgex;

/**
 * One element of the JSON array posted to add a device service.
 *
 * @param apiVersion always {@code v3}
 * @param requestId optional client-chosen id echoed in the item's response
 * @param service the a device service to add
 */
public record AddDeviceServiceRequest(String apiVersion, String requestId, DeviceService service) {}
