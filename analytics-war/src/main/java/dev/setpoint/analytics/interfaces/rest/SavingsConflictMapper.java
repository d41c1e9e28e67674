package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.savings.SavingsConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A savings request the room's plan cannot serve: 409, saying why and naming the parameter. */
@Provider
public class SavingsConflictMapper implements ExceptionMapper<SavingsConflictException> {
  @Override
  public Response toResponse(SavingsConflictException e) {
    return ApiError.response(409, e.getMessage(), e.parameter());
  }
}
