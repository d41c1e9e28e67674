package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.domain.ModelUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 while no valid model is served. */
@Provider
public class ModelUnavailableMapper implements ExceptionMapper<ModelUnavailableException> {
  @Override
  public Response toResponse(ModelUnavailableException e) {
    return Errors.of(503, e.getMessage(), null);
  }
}
