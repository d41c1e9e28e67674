package dev.setpoint.contracts.edgex;

import java.util.List;

/**
 * EdgeX's answer to a list of readings ({@code GET /api/v3/reading/all} and the other reading
 * lists): one page, newest first, with the number of readings that match in all.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the request's id, when it had one
 * @param message absent on success
 * @param statusCode the HTTP status, 200
 * @param totalCount how many readings match, over all pages
 * @param readings this page
 */
public record MultiReadingsResponse(
    String apiVersion,
    String requestId,
    String message,
    int statusCode,
    long totalCount,
    List<Reading> readings) {

  /** The 200 answer with one page of readings. */
  public static MultiReadingsResponse ok(long totalCount, List<Reading> readings) {
    return new MultiReadingsResponse(ApiVersion.V3, null, null, 200, totalCount, readings);
  }
}
