package dev.setpoint.ingest.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug or an outage we did not classify: logged with its cause, answered as an EdgeX 500. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    LOG.log(Level.SEVERE, "unexpected failure while handling a request", e);
    return EdgeXErrors.of(500, null, "internal error; see the server log");
  }
}
