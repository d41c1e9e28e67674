package dev.setpoint.contracts.edgex;

/**
 * EdgeX's answer carrying one event, e.g. Core Data's {@code GET /api/v3/event/id/{id}} and Core
 * Command's {@code GET /api/v3/device/name/{name}/{command}}.
 *
 * @param apiVersion always {@code v3}
 * @param requestId absent on reads
 * @param message absent on success
 * @param statusCode 200
 * @param event the event
 */
public record EventResponse(
    String apiVersion, String requestId, String message, int statusCode, Event event) {

  /** The 200 answer. */
  public static EventResponse ok(Event event) {
    return new EventResponse(ApiVersion.V3, null, null, 200, event);
  }
}
