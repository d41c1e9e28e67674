package dev.setpoint.ingest.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that a request reader ({@link MetadataBatchReader}, {@link EventRequestReader}, {@link
 * CommandValuesReader}) refused: its status (400 or 413) with the EdgeX error body naming the
 * fault. The runtime may hand a reader's exception over wrapped (RESTEasy wraps it in a {@code
 * ReaderException} and maps its cause), so this maps the exception itself, not a response.
 */
@Provider
public class BadRequestBodyExceptionMapper implements ExceptionMapper<BadRequestBodyException> {
  @Override
  public Response toResponse(BadRequestBodyException e) {
    return EdgeXErrors.of(e.status(), null, e.getMessage());
  }
}
