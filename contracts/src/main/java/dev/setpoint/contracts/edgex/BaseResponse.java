package dev.setpoint.contracts.edgex;

/**
 * The body every EdgeX v3 response carries; errors fill {@code message} and repeat the HTTP status
 * in {@code statusCode}.
 *
 * @param apiVersion always {@code v3}
 * @param requestId the request's id, when it had one
 * @param message what went wrong, naming the field at fault; absent on success
 * @param statusCode the HTTP status of the response
 */
public record BaseResponse(String apiVersion, String requestId, String message, int statusCode) {

  /** An error body for the given status. */
  public static BaseResponse error(String requestId, int statusCode, String message) {
    return new BaseResponse(ApiVersion.V3, requestId, message, statusCode);
  }
}
