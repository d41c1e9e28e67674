package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.BaseResponse;
import dev.setpoint.ingest.application.BufferVolumeFullException;
import dev.setpoint.ingest.application.PendingCapReachedException;
import dev.setpoint.ingest.application.RetryLaterException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds EdgeX error responses: the status, and a JSON body whose message names the fault. */
final class EdgeXErrors {
  private EdgeXErrors() {}

  static Response of(int status, String requestId, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(BaseResponse.error(requestId, status, message))
        .build();
  }

  /**
   * The status of a refusal to retry: 507 Insufficient Storage when the hub has no room for the
   * event (the device's cap of unforwarded events, or the buffer's volume above its high-water
   * mark), else 429 (the device's rate).
   */
  static int status(RetryLaterException refusal) {
    return refusal instanceof PendingCapReachedException
            || refusal instanceof BufferVolumeFullException
        ? 507
        : 429;
  }

  /** The error with the refusal's {@code Retry-After} (whole seconds), for a caller to wait out. */
  static Response retryLater(Response error, RetryLaterException refusal) {
    return Response.fromResponse(error)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
        .build();
  }
}
