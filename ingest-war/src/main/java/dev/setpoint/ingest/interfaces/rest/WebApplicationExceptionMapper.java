package dev.setpoint.ingest.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Unknown paths, wrong methods and wrong content types answer with the EdgeX error body too, not
 * the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public jakarta.ws.rs.core.Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String message =
        switch (status) {
          case 404 -> "no such resource";
          case 405 -> "method not allowed on this resource";
          case 406 -> "only application/json responses are available";
          case 415 -> "Content-Type must be application/json";
          default -> e.getMessage();
        };
    return EdgeXErrors.of(status, null, message);
  }
}
