package dev.setpoint.contracts.edgex;

/**
 * EdgeX's answer to {@code GET /api/v3/event/id/{id}}.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the request's id, when it had one
 * @param message absent on success
 * @param statusCode the HTTP status, 200
 * @param event the event
 */
public record EventResponse(
    String apiVersion, String requestId, String message, int statusCode, Event event) {

  /** The 200 answer for a found event. */
  public static EventResponse ok(Event event) {
    return new EventResponse(ApiVersion.V3, null, null, 200, event);
  }
}
