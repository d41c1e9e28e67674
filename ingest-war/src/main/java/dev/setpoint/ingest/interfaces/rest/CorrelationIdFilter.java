package dev.setpoint.ingest.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * EdgeX answers every request with {@code X-Correlation-ID}: the caller's when it sent a sane one,
 * a new UUID otherwise, so a reading can be traced through the logs.
 */
@Provider
@PreMatching
public class CorrelationIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String HEADER = "X-Correlation-ID";
  private static final String PROPERTY = CorrelationIdFilter.class.getName();
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  public void filter(ContainerRequestContext request) {
    String id = request.getHeaderString(HEADER);
    request.setProperty(PROPERTY, id != null && SANE.matcher(id).matches() ? id : newId());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(PROPERTY);
    response.getHeaders().putSingle(HEADER, id != null ? id : newId());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
