package dev.setpoint.analytics.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@link RolesAllowed} on analytics' resources against the caller's MicroProfile JWT, as
 * ingest's access filter does for its operator endpoints. Liberty's {@code mpJwt} has verified a
 * bearer JWT (signature, issuer, expiry) before this runs and made it the request's principal; the
 * container does not protect these resources itself (so {@code /health} and the public endpoints
 * stay open, see server.xml), hence this filter: no token or one Liberty refused → 401 with {@code
 * WWW-Authenticate: Bearer}; a valid JWT without one of the allowed groups → 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class OperatorFilter implements ContainerRequestFilter {
  private static final String REALM = "Bearer realm=\"setpoint\"";

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    RolesAllowed allowed = rolesAllowed(resource.getResourceClass(), method);
    if (allowed == null) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      request.abortWith(unauthorized(false, "an Authorization: Bearer operator JWT is required"));
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken jwt)) {
      request.abortWith(
          unauthorized(true, "the bearer JWT is invalid, expired or not from the trusted issuer"));
      return;
    }
    Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    if (Arrays.stream(allowed.value()).noneMatch(groups::contains)) {
      request.abortWith(
          Errors.of(
              403, "the bearer JWT is not of the group " + Arrays.toString(allowed.value()), null));
    }
  }

  /**
   * The method's rule, else its class's. CDI may hand JAX-RS a proxy subclass whose methods carry
   * no annotations, so the class hierarchy is searched up to the declaring resource class.
   */
  static RolesAllowed rolesAllowed(Class<?> resourceClass, Method method) {
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (declared.isAnnotationPresent(PermitAll.class)) {
          return null;
        }
        RolesAllowed rule = declared.getAnnotation(RolesAllowed.class);
        if (rule != null) {
          return rule;
        }
      } catch (NoSuchMethodException e) {
        // not declared at this level
      }
      RolesAllowed rule = c.getAnnotation(RolesAllowed.class);
      if (rule != null) {
        return rule;
      }
    }
    return null;
  }

  private static Response unauthorized(boolean tokenPresented, String message) {
    return Response.fromResponse(Errors.of(401, message, null))
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            tokenPresented ? REALM + ", error=\"invalid_token\"" : REALM)
        .build();
  }
}
