package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.contracts.security.TokenRevocation;
import dev.setpoint.ingest.application.DeviceTokenService;
import dev.setpoint.ingest.application.TokenRevocations;
import dev.setpoint.ingest.config.RoleGroupsConfig;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authentication and authorization of every ingest endpoint, default deny: a resource method is
 * reachable only as its {@link Public}, {@link Requires}, {@link DeviceOrRole} or {@link
 * LegacyNetwork} rule says; without a rule it is refused to everyone.
 *
 * <p>Both credentials arrive as {@code Authorization: Bearer <token>}. A JWT has been checked by
 * Liberty's MicroProfile JWT before this filter runs (signature, issuer, audience, expiry; see
 * server.xml), and is refused here when revoked ({@link TokenRevocations}): if it passed, the
 * request's principal is a {@link JsonWebToken}, whose {@code groups} map to a {@link Role} ({@code
 * setpoint.security.groups.*}, {@link RoleGroupsConfig}); if it did not, there is no principal and
 * the request is refused. Any other token is looked up as a device token.
 *
 * <p>401 with {@code WWW-Authenticate: Bearer} for a missing, malformed, unknown, revoked, expired
 * or forged credential; 403 for a valid one that may not do this (a device on a people's endpoint
 * or acting as another device, a JWT of a lesser role or of no role). On success the request's
 * {@link SecurityContext} principal is the {@link Caller}, and {@code isUserInRole} answers by role
 * inclusion ({@code isUserInRole("viewer")} is true for an admin).
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());
  private static final String BEARER = "bearer ";
  private static final String REALM = "Bearer realm=\"setpoint\"";

  private final DeviceTokenService deviceTokens;
  private final TokenRevocations revocations;
  private final LegacyAccess legacy;
  private final Map<Role, Set<String>> roleGroups;
  private final Map<Method, AccessRule> rules = new ConcurrentHashMap<>();

  @Context private ResourceInfo resource;
  @Context private HttpServletRequest servletRequest;

  @Inject
  public AccessFilter(
      DeviceTokenService deviceTokens,
      TokenRevocations revocations,
      LegacyAccess legacy,
      RoleGroupsConfig roleGroups) {
    this.deviceTokens = deviceTokens;
    this.revocations = revocations;
    this.legacy = legacy;
    this.roleGroups = roleGroups.mapping();
  }

  /**
   * For CDI's proxy only; public because RESTEasy insists on a public constructor for a provider
   * before it lets CDI supply the instance.
   */
  public AccessFilter() {
    this.deviceTokens = null;
    this.revocations = null;
    this.legacy = null;
    this.roleGroups = null;
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
      case AccessRule.People people ->
          authenticate(request)
              .ifPresent(
                  caller -> {
                    switch (caller) {
                      case Caller.Person person -> person(request, person, people.role());
                      case Caller.Device device ->
                          request.abortWith(
                              EdgeXErrors.of(
                                  403,
                                  null,
                                  "this endpoint is for people of role '"
                                      + people.role().code()
                                      + "' or above; a device token may not"));
                    }
                  });
      case AccessRule.LegacyClients legacyRule -> legacyClient(request);
      case AccessRule.DeviceOrPeople deviceRule ->
          authenticate(request).ifPresent(caller -> deviceOrPerson(request, caller, deviceRule));
    }
  }

  /** Admits the person when their role includes {@code needed}, else refuses with 403. */
  private static void person(ContainerRequestContext request, Caller.Person person, Role needed) {
    if (person.may(needed)) {
      admit(request, person);
    } else {
      request.abortWith(
          EdgeXErrors.of(
              403,
              null,
              "this endpoint needs the role '"
                  + needed.code()
                  + "'; '"
                  + person.name()
                  + "' has the role '"
                  + person.role().code()
                  + "'"));
    }
  }

  private static void deviceOrPerson(
      ContainerRequestContext request, Caller caller, AccessRule.DeviceOrPeople rule) {
    if (caller instanceof Caller.Person person) {
      person(request, person, rule.role());
      return;
    }
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
            request,
            true,
            "the bearer JWT is invalid, expired, for another audience or not from the trusted"
                + " issuer");
      }
      if (revocations.revoked(
          jwt.getName(),
          jwt.getTokenID(),
          TokenRevocation.sessionOf(jwt.getClaim(TokenRevocation.SESSION_CLAIM)),
          jwt.getIssuedAtTime())) {
        return unauthenticated(
            request, true, "the bearer JWT was revoked (logout, password reset or disabled user)");
      }
      Optional<Role> role = Role.of(jwt.getGroups(), roleGroups);
      if (role.isEmpty()) {
        request.abortWith(
            EdgeXErrors.of(
                403,
                null,
                "the bearer JWT's groups grant no role (see setpoint.security.groups.*)"));
        return Optional.empty();
      }
      return Optional.of(new Caller.Person(jwt.getName(), role.get()));
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

    /** A person is in their role and every role below it; a device is in the role "device". */
    @Override
    public boolean isUserInRole(String role) {
      return switch (caller) {
        case Caller.Person person -> Role.fromCode(role).map(person::may).orElse(false);
        case Caller.Device device -> "device".equals(role);
      };
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
