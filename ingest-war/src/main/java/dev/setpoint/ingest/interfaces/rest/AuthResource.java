package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.contracts.security.TokenRevocation;
import dev.setpoint.ingest.application.AuditTrail;
import dev.setpoint.ingest.config.LocalIssuerConfig;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.infrastructure.security.ClientAddress;
import dev.setpoint.ingest.infrastructure.security.LocalIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The single-machine stack's local issuer:
 *
 * <ul>
 *   <li>{@code POST /api/auth/token} with {@code {"username","password"}} answers {@code
 *       {"access_token","token_type":"Bearer","expires_in","refresh_token","refresh_expires_in",
 *       "role"}}, the JWT's {@code groups} being {@code [role]}. 401 for wrong credentials or a
 *       disabled user, 429 with {@code Retry-After} while the address or user name is delayed after
 *       failures, 503 with {@code Retry-After} while the password checks are at their bound or the
 *       user store is unreachable.
 *   <li>{@code POST /api/auth/refresh} with {@code {"refresh_token"}} answers the same form with
 *       new tokens; 401 for an unknown, expired or used refresh token (a used one revokes its
 *       session).
 *   <li>{@code POST /api/auth/logout} with the access token revokes it and its session: 204.
 *   <li>{@code GET /api/auth/jwks}: the issuer's public keys (current and former) as a JSON Web Key
 *       Set, public.
 * </ul>
 *
 * <p>All answer 404 when the local issuer is not enabled (an external issuer serves people then).
 */
@Path("/auth")
@RequestScoped
public class AuthResource {
  static final int MAX_BODY_BYTES = 4096;
  private static final Logger LOG = Logger.getLogger(AuthResource.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  private final LocalIssuer issuer;
  private final AuditTrail audit;
  private final ClientAddress clientAddress;

  @Inject
  public AuthResource(LocalIssuer issuer, AuditTrail audit, LocalIssuerConfig config) {
    this.issuer = issuer;
    this.audit = audit;
    this.clientAddress = new ClientAddress(config.trustedProxies.orElse(""));
  }

  /** For CDI's proxy only. */
  protected AuthResource() {
    this.issuer = null;
    this.audit = null;
    this.clientAddress = null;
  }

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Public
  public Response token(InputStream body, @Context HttpServletRequest http) {
    LoginRequest login;
    try {
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        return EdgeXErrors.of(413, null, "request body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      login = JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), LoginRequest.class);
    } catch (IOException | JsonbException e) {
      return EdgeXErrors.of(400, null, "request body is not a valid login request");
    }
    if (login == null || login.username() == null || login.username().isEmpty()) {
      return EdgeXErrors.of(400, null, "username is required");
    }
    if (login.password() == null || login.password().isEmpty()) {
      return EdgeXErrors.of(400, null, "password is required");
    }
    String address = clientAddress.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    LocalIssuer.Outcome outcome = issuer.login(login.username(), login.password(), address);
    switch (outcome) {
      case LocalIssuer.Outcome.Issued issued ->
          audit.login(login.username(), issued.role().code(), address, true);
      case LocalIssuer.Outcome.Refused refused ->
          audit.login(login.username(), null, address, false);
      case LocalIssuer.Outcome.Throttled throttled ->
          audit.login(login.username(), null, address, false);
      default -> {} // not an attempt judged: busy, the issuer off or broken, its store down
    }
    return answer(outcome, "username or password is wrong");
  }

  @POST
  @Path("refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Public
  public Response refresh(InputStream body) {
    RefreshRequest request;
    try {
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        return EdgeXErrors.of(413, null, "request body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      request = JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), RefreshRequest.class);
    } catch (IOException | JsonbException e) {
      return EdgeXErrors.of(400, null, "request body is not a valid refresh request");
    }
    if (request == null || request.refreshToken() == null || request.refreshToken().isBlank()) {
      return EdgeXErrors.of(400, null, "refresh_token is required");
    }
    return answer(
        issuer.refresh(request.refreshToken()),
        "the refresh token is unknown, expired, revoked or used before; log in again");
  }

  /**
   * Revokes the caller's access token and its session. Any role may log out; the container's
   * principal is the verified JWT, whose {@code jti}, {@code sid} and {@code exp} name what is
   * revoked.
   */
  @POST
  @Path("logout")
  @Produces(MediaType.APPLICATION_JSON)
  @Requires(Role.VIEWER)
  public Response logout(@Context SecurityContext security, @Context HttpServletRequest http) {
    if (!(http.getUserPrincipal() instanceof JsonWebToken jwt) || jwt.getTokenID() == null) {
      return EdgeXErrors.of(400, null, "only a JWT with a token id (jti) can be logged out");
    }
    String session =
        issuer.issuer().equals(jwt.getIssuer())
            ? TokenRevocation.sessionOf(jwt.getClaim(TokenRevocation.SESSION_CLAIM))
            : null;
    try {
      issuer.logout(
          jwt.getName(),
          jwt.getTokenID(),
          session,
          jwt.getExpirationTime(),
          AuditActors.of(security, http));
    } catch (StoreUnavailableException e) {
      // obeyed already by this server and sent on; only its durable copy is missing
      LOG.log(Level.WARNING, "a logout could not be stored; it holds until ingest restarts", e);
    }
    return Response.noContent().header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("jwks")
  @Produces(MediaType.APPLICATION_JSON)
  @Public
  public Response jwks() {
    JsonObject keys = issuer.keySet();
    if (keys.getJsonArray("keys").isEmpty()) {
      return EdgeXErrors.of(
          404, null, "the local issuer is not enabled; get keys from the configured issuer");
    }
    return Response.ok(keys.toString(), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "public, max-age=300")
        .build();
  }

  private static Response answer(LocalIssuer.Outcome outcome, String refusal) {
    return switch (outcome) {
      case LocalIssuer.Outcome.Issued issued ->
          Response.ok(
                  new AccessTokenResponse(
                      issued.token(),
                      "Bearer",
                      issued.expiresIn().toSeconds(),
                      issued.refreshToken(),
                      issued.refreshExpiresIn().toSeconds(),
                      issued.role().code()))
              .type(MediaType.APPLICATION_JSON_TYPE)
              .header("Cache-Control", "no-store")
              .build();
      case LocalIssuer.Outcome.Refused refused ->
          Response.fromResponse(EdgeXErrors.of(401, null, refusal))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"setpoint\"")
              .build();
      case LocalIssuer.Outcome.Throttled throttled ->
          Response.fromResponse(
                  EdgeXErrors.of(
                      429,
                      null,
                      "too many failed logins from this address or for this user; retry after "
                          + throttled.retryAfterSeconds()
                          + " s"))
              .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
              .build();
      case LocalIssuer.Outcome.Busy busy ->
          Response.fromResponse(
                  EdgeXErrors.of(
                      503,
                      null,
                      "too many password checks at once; retry after "
                          + busy.retryAfterSeconds()
                          + " s"))
              .header(HttpHeaders.RETRY_AFTER, busy.retryAfterSeconds())
              .build();
      case LocalIssuer.Outcome.StoreUnavailable unavailable ->
          Response.fromResponse(
                  EdgeXErrors.of(503, null, "the user store is unavailable; retry later"))
              .header(HttpHeaders.RETRY_AFTER, 5)
              .build();
      case LocalIssuer.Outcome.Disabled disabled ->
          EdgeXErrors.of(
              404, null, "the local issuer is not enabled; get a token from the configured issuer");
      case LocalIssuer.Outcome.Unavailable unavailable ->
          EdgeXErrors.of(503, null, "the local issuer is misconfigured; see the server log");
    };
  }
}
