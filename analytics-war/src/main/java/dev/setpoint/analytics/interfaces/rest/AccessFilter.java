package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.audit.TokenDenylist;
import dev.setpoint.analytics.config.AlertConfig;
import dev.setpoint.analytics.config.RoleGroupsConfig;
import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.contracts.security.TokenRevocation;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authorization of every analytics endpoint, default deny: a resource method is reachable only as
 * its {@link Public}, {@link Requires} or {@link ScrapeTokenOr} rule says; without a rule it is
 * refused to everyone (403), so a new endpoint someone forgot to mark is never public.
 *
 * <p>Liberty's MicroProfile JWT has verified a bearer JWT before this runs (signature against
 * {@code mp.jwt.verify.publickey.location}, issuer, audience, expiry; server.xml hands it only
 * tokens that look like a JWS): when it passed, the principal is a {@link JsonWebToken}, whose
 * {@code groups} map to a {@link Role} ({@code setpoint.security.groups.*}, {@link
 * RoleGroupsConfig}, the keys ingest reads too). 401 with {@code WWW-Authenticate: Bearer} without
 * a valid token; 403 with a JSON body for a valid one whose role may not (or whose groups grant
 * none); 401 too for a token the edge revoked ({@link TokenDenylist}, fed through Kafka). On
 * success {@code isUserInRole} answers by role inclusion and the principal stays the JWT.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());
  private static final String REALM = "Bearer realm=\"setpoint\"";

  private final Map<Role, Set<String>> roleGroups;
  private final ScrapeToken scrapeToken;
  private final TokenDenylist denylist;
  private final Map<Method, AccessRule> rules = new ConcurrentHashMap<>();

  @Context private ResourceInfo resource;

  @Inject
  public AccessFilter(RoleGroupsConfig roleGroups, AlertConfig alerts, TokenDenylist denylist) {
    this.roleGroups = roleGroups.mapping();
    this.scrapeToken = new ScrapeToken(alerts.scrapeToken);
    this.denylist = denylist;
  }

  /**
   * For CDI's proxy only; public because RESTEasy insists on a public constructor for a provider
   * before it lets CDI supply the instance.
   */
  public AccessFilter() {
    this.roleGroups = null;
    this.scrapeToken = null;
    this.denylist = null;
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
        request.abortWith(ApiError.response(403, "this endpoint declares no access rule", null));
      }
      case AccessRule.People people -> person(request, people.role());
      case AccessRule.ScraperOrPeople scraper -> {
        boolean jwt = request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken;
        if (jwt || !scrapeToken.admits(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
          person(request, scraper.role());
        }
      }
    }
  }

  /** Admits a person of at least {@code needed}; else aborts with 401 or 403. */
  private void person(ContainerRequestContext request, Role needed) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      refuse(request, REALM, "an Authorization: Bearer token is required");
      return;
    }
    SecurityContext container = request.getSecurityContext();
    if (!(container.getUserPrincipal() instanceof JsonWebToken jwt)) {
      refuse(
          request,
          REALM + ", error=\"invalid_token\"",
          "the bearer token is invalid, expired, for another audience or not from a trusted"
              + " issuer");
      return;
    }
    if (denylist.revoked(
        jwt.getName(),
        jwt.getTokenID(),
        TokenRevocation.sessionOf(jwt.getClaim(TokenRevocation.SESSION_CLAIM)),
        jwt.getIssuedAtTime())) {
      refuse(
          request,
          REALM + ", error=\"invalid_token\"",
          "the bearer token was revoked (logout, password reset or disabled user)");
      return;
    }
    Optional<Role> role = Role.of(jwt.getGroups(), roleGroups);
    if (role.isEmpty()) {
      request.abortWith(
          ApiError.response(
              403, "the bearer JWT's groups grant no role (see setpoint.security.groups.*)", null));
      return;
    }
    if (!role.get().includes(needed)) {
      request.abortWith(
          ApiError.response(
              403,
              "this endpoint needs the role '"
                  + needed.code()
                  + "'; '"
                  + jwt.getName()
                  + "' has the role '"
                  + role.get().code()
                  + "'",
              null));
      return;
    }
    request.setSecurityContext(new RoleSecurityContext(jwt, role.get(), container));
  }

  private static void refuse(ContainerRequestContext request, String challenge, String message) {
    request.abortWith(
        Response.fromResponse(ApiError.response(401, message, null))
            .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
            .build());
  }

  /** The verified JWT as principal, with {@code isUserInRole} by role inclusion. */
  private record RoleSecurityContext(JsonWebToken jwt, Role role, SecurityContext container)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return jwt;
    }

    @Override
    public boolean isUserInRole(String code) {
      return Role.fromCode(code).map(role::includes).orElse(false);
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
