package dev.setpoint.contracts.edgex;

import java.util.List;

/**
 * EdgeX's answer to a list of events ({@code GET /api/v3/event/all} and the other event lists): one
 * page, newest first, with the number of events that match in all.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the request's id, when it had one
 * @param message absent on success
 * @param statusCode the HTTP status, 200
 * @param totalCount how many events match, over all pages
 * @param events this page
 */
public record MultiEventsResponse(
    String apiVersion,
    String requestId,
    String message,
    int statusCode,
    long totalCount,
    List<Event> events) {

  /** The 200 answer with one page of events. */
  public static MultiEventsResponse ok(long totalCount, List<Event> events) {
    return new MultiEventsResponse(ApiVersion.V3, null, null, 200, totalCount, events);
  }
}
