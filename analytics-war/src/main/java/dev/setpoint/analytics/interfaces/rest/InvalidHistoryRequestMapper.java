package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A history parameter that cannot be served: 400, naming the parameter. */
@Provider
public class InvalidHistoryRequestMapper
    implements ExceptionMapper<InvalidHistoryRequestException> {
  @Override
  public Response toResponse(InvalidHistoryRequestException e) {
    return ApiError.response(400, e.getMessage(), e.parameter());
  }
}
