package dev.setpoint.analytics.interfaces.rest;

import com.influxdb.exceptions.InfluxException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** InfluxDB did not answer a history read: 503, so the dashboard retries on its next poll. */
@Provider
public class InfluxUnavailableMapper implements ExceptionMapper<InfluxException> {
  private static final Logger LOG = Logger.getLogger(InfluxUnavailableMapper.class.getName());

  @Override
  public Response toResponse(InfluxException e) {
    LOG.log(Level.WARNING, "a history read from InfluxDB failed", e);
    return ApiError.response(503, "InfluxDB did not answer the history read; retry later", null);
  }
}
