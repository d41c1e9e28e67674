package dev.setpoint.contracts.edgex;

/**
 * EdgeX's answer to a successful create: the base fields plus the new resource's id.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the request's id, when it had one
 * @param message absent on success
 * @param statusCode the HTTP status, 201 for a create
 * @param id id of the created resource
 */
public record IdResponse(
    String apiVersion, String requestId, String message, int statusCode, String id) {

  /** The 201 answer for a stored resource. */
  public static IdResponse created(String requestId, String id) {
    return new IdResponse(ApiVersion.V3, requestId, null, 201, id);
  }
}
