package dev.setpoint.contracts.edgex;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * EdgeX's answer to a count ({@code GET /api/v3/event/count} and {@code
 * /event/count/device/name/{name}}).
 *
 * <p>The count travels as {@code "Count"}, capitalised: EdgeX 3.x declares the field without a JSON
 * tag ({@code go-mod-core-contracts/v3 dtos/common/count.go}), so Go writes the field name as is.
 * EdgeX 4 added the tag {@code "count"}; Go's decoder matches names case-insensitively, so clients
 * of either version read this body.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the request's id, when it had one
 * @param message absent on success
 * @param statusCode the HTTP status, 200
 * @param count how many match
 */
public record CountResponse(
    String apiVersion,
    String requestId,
    String message,
    int statusCode,
    @JsonbProperty("Count") long count) {

  /** The 200 answer for a count. */
  public static CountResponse ok(long count) {
    return new CountResponse(ApiVersion.V3, null, null, 200, count);
  }
}
