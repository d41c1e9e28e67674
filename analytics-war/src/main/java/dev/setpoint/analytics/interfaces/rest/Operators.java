package dev.setpoint.analytics.interfaces.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator check of analytics' protected endpoints, against the caller's MicroProfile JWT, as
 * ingest's access filter checks its operator endpoints. Liberty's {@code mpJwt} has verified a
 * bearer JWT (signature, issuer, expiry) before the resource runs and made it the request's
 * principal. The resources are not protected by the container (so {@code /health} and the public
 * endpoints stay open, see server.xml); each protected method calls this first, so the rule does
 * not depend on how the container and CDI's proxies treat {@code @RolesAllowed}. The check comes
 * first: no token or one Liberty refused → 401 with {@code WWW-Authenticate: Bearer}; a valid JWT
 * without the group {@value AnalyticsApplication#OPERATOR} → 403.
 */
final class Operators {
  private static final String REALM = "Bearer realm=\"setpoint\"";

  private Operators() {}

  /** The refusal to answer, or empty when the caller is an operator. */
  static Optional<Response> refuse(HttpHeaders headers, SecurityContext security) {
    String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return Optional.of(unauthorized(false, "an Authorization: Bearer operator JWT is required"));
    }
    Principal principal = security.getUserPrincipal();
    if (!(principal instanceof JsonWebToken jwt)) {
      return Optional.of(
          unauthorized(true, "the bearer JWT is invalid, expired or not from the trusted issuer"));
    }
    Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    if (!groups.contains(AnalyticsApplication.OPERATOR)) {
      return Optional.of(
          Errors.of(
              403,
              "the bearer JWT is not of the group '" + AnalyticsApplication.OPERATOR + "'",
              null));
    }
    return Optional.empty();
  }

  private static Response unauthorized(boolean tokenPresented, String message) {
    return Response.fromResponse(Errors.of(401, message, null))
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            tokenPresented ? REALM + ", error=\"invalid_token\"" : REALM)
        .build();
  }
}
