package dev.setpoint.analytics.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admits operators to {@link OperatorOnly} resources. Liberty's MicroProfile JWT has verified a
 * bearer JWT before this runs (signature against {@code mp.jwt.verify.publickey.location}, issuer,
 * expiry; server.xml hands it only tokens that look like a JWS): when it passed, the principal is a
 * {@link JsonWebToken}. 401 with {@code WWW-Authenticate: Bearer} without a valid token, 403 for a
 * valid one outside the group {@code operator}.
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {
  static final String GROUP = "operator";
  private static final String REALM = "Bearer realm=\"setpoint\"";

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      refuse(request, REALM, "an Authorization: Bearer operator token is required");
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken jwt)) {
      refuse(
          request,
          REALM + ", error=\"invalid_token\"",
          "the bearer token is invalid, expired or not from the trusted issuer");
      return;
    }
    if (jwt.getGroups() == null || !jwt.getGroups().contains(GROUP)) {
      request.abortWith(
          ApiError.response(403, "the bearer JWT is not of the group '" + GROUP + "'", null));
    }
  }

  private static void refuse(ContainerRequestContext request, String challenge, String message) {
    request.abortWith(
        Response.fromResponse(ApiError.response(401, message, null))
            .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
            .build());
  }
}
