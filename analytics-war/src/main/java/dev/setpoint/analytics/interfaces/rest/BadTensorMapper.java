package dev.setpoint.analytics.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with the input named. */
@Provider
public class BadTensorMapper implements ExceptionMapper<BadTensorException> {
  @Override
  public Response toResponse(BadTensorException e) {
    return Errors.of(400, e.getMessage(), e.input());
  }
}
