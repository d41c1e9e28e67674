package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.application.DeviceTokenService;
import dev.setpoint.ingest.domain.Caller;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authentication and authorization of every ingest endpoint, default deny: a resource method is
 * reachable only as its {@link Public}, {@link OperatorOnly} or {@link DeviceOrOperator} rule says;
 * without a rule it is refused to everyone.
 *
 * <p>Both credentials arrive as {@code Authorization: Bearer <token>}. A JWT has been checked by
 * Liberty's MicroProfile JWT before this filter runs (signature, issuer, expiry; see server.xml):
 * if it passed, the request's principal is a {@link JsonWebToken}, and a JWT of the group {@code
 * operator} is an operator; if it did not, there is no principal and the request is refused. Any
 * other token is looked up as a device token.
 *
 * <p>401 with {@code WWW-Authenticate: Bearer} for a missing, malformed, unknown, revoked, expired
 * or forged credential; 403 for a valid one that may not do this (a device on an operator endpoint
 * or acting as another device). On success the request's {@link SecurityContext} principal is the
 * {@link Caller}.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());
  private static final String BEARER = "bearer ";
  private static final String REALM = "Bearer realm=\"setpoint\"";

  private final DeviceTokenService deviceTokens;
  private final LegacyAccess legacy;
  private final Map<Method, AccessRule> rules = new ConcurrentHashMap<>();

  @Context private ResourceInfo resource;
  @Context private HttpServletRequest servletRequest;

  @Inject
  public AccessFilter(DeviceTokenService deviceTokens, LegacyAccess legacy) {
    this.deviceTokens = deviceTokens;
    this.legacy = legacy;
  }

  /**
   * For CDI's proxy only; public because RESTEasy insists on a public constructor for a provider
   * before it lets CDI supply the instance.
   */
  public AccessFilter() {
    this.deviceTokens = null;
    this.legacy = null;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    AccessRule rule =
        method == null
            ? new AccessRule.Undeclared("no resource method matched")
            : rules.computeIfAbsent(method, m -> AccessRule.of(resource.getResourceClass(), m));
    switch (rule) {
      case AccessRule.Anyone anyone -> {}
      case AccessRule.Undeclared undeclared -> {
        LOG.warning(
            "refused a request to an endpoint without access rule: " + undeclared.problem());
        request.abortWith(EdgeXErrors.of(403, null, "this endpoint declares no access rule"));
      }
      case AccessRule.Operators operators ->
          authenticate(request)
              .ifPresent(
                  caller -> {
                    if (caller instanceof Caller.Operator) {
                      admit(request, caller);
                    } else {
                      request.abortWith(
                          EdgeXErrors.of(
                              403, null, "this endpoint is for operators; a device token may not"));
                    }
                  });
      case AccessRule.LegacyClients legacyRule -> legacyClient(request);
      case AccessRule.DeviceOrOperators deviceRule ->
          authenticate(request).ifPresent(caller -> deviceOrOperator(request, caller, deviceRule));
    }
  }

  private static void deviceOrOperator(
      ContainerRequestContext request, Caller caller, AccessRule.DeviceOrOperators rule) {
    if (caller instanceof Caller.Device device) {
      String target = request.getUriInfo().getPathParameters().getFirst(rule.pathParam());
      if (!device.name().equals(target)) {
        request.abortWith(
            EdgeXErrors.of(
                403,
                null,
                "the token of device '"
                    + device.name()
                    + "' may not act for device '"
                    + target
                    + "'"));
        return;
      }
    }
    admit(request, caller);
  }

  /**
   * The v1 API cannot authenticate, so it is off unless configured, and then open only to the
   * configured networks. The address is the TCP peer's, never a forwarded header a client could
   * forge.
   */
  private void legacyClient(ContainerRequestContext request) {
    if (!legacy.enabled()) {
      request.abortWith(
          EdgeXErrors.of(
              404,
              null,
              "the legacy v1 API is off; an operator enables setpoint.ingest.v1.enabled"));
      return;
    }
    String peer = servletRequest.getRemoteAddr();
    if (!legacy.admits(peer)) {
      LOG.warning("refused a v1 request from " + peer + ", outside " + legacy.networks());
      request.abortWith(
          EdgeXErrors.of(
              403,
              null,
              "the legacy v1 API answers only clients in setpoint.ingest.v1.allowed-networks"));
    }
  }

  /** The caller, or empty when the request was aborted because it has no valid credential. */
  private Optional<Caller> authenticate(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return unauthenticated(request, false, "an Authorization: Bearer token is required");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return unauthenticated(request, true, "the Authorization header must be a Bearer token");
    }
    String token = header.substring(BEARER.length()).strip();
    if (looksLikeJwt(token)) {
      Principal principal = request.getSecurityContext().getUserPrincipal();
      if (!(principal instanceof JsonWebToken jwt)) {
        return unauthenticated(
            request, true, "the bearer JWT is invalid, expired or not from the trusted issuer");
      }
      if (jwt.getGroups() == null || !jwt.getGroups().contains(Caller.Operator.GROUP)) {
        request.abortWith(
            EdgeXErrors.of(403, null, "the bearer JWT is not of the group 'operator'"));
        return Optional.empty();
      }
      return Optional.of(new Caller.Operator(jwt.getName()));
    }
    Optional<String> device;
    try {
      device = deviceTokens.authenticate(token);
    } catch (StoreUnavailableException e) {
      LOG.log(Level.WARNING, "cannot check a device token", e);
      request.abortWith(EdgeXErrors.of(503, null, "the token store is unavailable; retry later"));
      return Optional.empty();
    }
    if (device.isEmpty()) {
      return unauthenticated(
          request, true, "the bearer token is not a valid device token (unknown or revoked)");
    }
    return Optional.of(new Caller.Device(device.get()));
  }

  private static Optional<Caller> unauthenticated(
      ContainerRequestContext request, boolean tokenPresented, String message) {
    // RFC 6750: error="invalid_token" only when a token was presented and refused.
    String challenge = tokenPresented ? REALM + ", error=\"invalid_token\"" : REALM;
    request.abortWith(
        Response.fromResponse(EdgeXErrors.of(401, null, message))
            .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
            .build());
    return Optional.empty();
  }

  private static void admit(ContainerRequestContext request, Caller caller) {
    request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext()));
  }

  /** Three non-empty dot-separated parts: a compact JWS. Device tokens contain no dot. */
  static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    int second = token.indexOf('.', first + 1);
    return first > 0
        && second > first + 1
        && second < token.length() - 1
        && token.indexOf('.', second + 1) < 0;
  }

  /** The checked caller as the request's security context, for resources that need to know. */
  private record CallerSecurityContext(Caller caller, SecurityContext container)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return (caller instanceof Caller.Operator ? Caller.Operator.GROUP : "device").equals(role);
    }

    @Override
    public boolean isSecure() {
      return container.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
