package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Analytics' own store (room modes, measurement plans) did not answer: 503, nothing changed; the
 * client may retry.
 */
@Provider
public class ControlStoreUnavailableMapper
    implements ExceptionMapper<ControlStoreUnavailableException> {
  @Override
  public Response toResponse(ControlStoreUnavailableException e) {
    return ApiError.response(503, "analytics' store is unavailable: " + e.getMessage(), null);
  }
}
