package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.Public;
import dev.setpoint.ingest.application.AuditTrail;
import dev.setpoint.ingest.infrastructure.security.LocalIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Login at the single-machine stack's local issuer: {@code POST /api/auth/token} with {@code
 * {"username","password"}} answers {@code {"access_token","token_type":"Bearer","expires_in",
 * "role"}}, the JWT's {@code groups} being {@code [role]}. 401 for wrong credentials or a disabled
 * user, 429 with {@code Retry-After} after too many attempts, 404 when the local issuer is not
 * enabled (an external issuer serves people then), 503 while the user store is unreachable (the
 * bootstrap user can still log in).
 */
@Path("/auth/token")
@RequestScoped
public class AuthResource {
  static final int MAX_BODY_BYTES = 4096;
  private static final Jsonb JSONB = JsonbBuilder.create();

  private final LocalIssuer issuer;
  private final AuditTrail audit;

  @Inject
  public AuthResource(LocalIssuer issuer, AuditTrail audit) {
    this.issuer = issuer;
    this.audit = audit;
  }

  /** For CDI's proxy only. */
  protected AuthResource() {
    this(null, null);
  }

  @POST
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
    LocalIssuer.Outcome outcome =
        issuer.login(login.username(), login.password(), http.getRemoteAddr());
    switch (outcome) {
      case LocalIssuer.Outcome.Issued issued ->
          audit.login(login.username(), issued.role().code(), http.getRemoteAddr(), true);
      case LocalIssuer.Outcome.Refused refused ->
          audit.login(login.username(), null, http.getRemoteAddr(), false);
      case LocalIssuer.Outcome.Throttled throttled ->
          audit.login(login.username(), null, http.getRemoteAddr(), false);
      default -> {} // not an attempt judged: the issuer is off, broken or its store down
    }
    return switch (outcome) {
      case LocalIssuer.Outcome.Issued issued ->
          Response.ok(
                  new AccessTokenResponse(
                      issued.token(),
                      "Bearer",
                      issued.expiresIn().toSeconds(),
                      issued.role().code()))
              .type(MediaType.APPLICATION_JSON_TYPE)
              .header("Cache-Control", "no-store")
              .build();
      case LocalIssuer.Outcome.Refused refused ->
          Response.fromResponse(EdgeXErrors.of(401, null, "username or password is wrong"))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"setpoint\"")
              .build();
      case LocalIssuer.Outcome.Throttled throttled ->
          Response.fromResponse(
                  EdgeXErrors.of(
                      429,
                      null,
                      "too many login attempts; retry after "
                          + throttled.retryAfterSeconds()
                          + " s"))
              .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds())
              .build();
      case LocalIssuer.Outcome.StoreUnavailable unavailable ->
          EdgeXErrors.of(503, null, "the user store is unavailable; retry later");
      case LocalIssuer.Outcome.Disabled disabled ->
          EdgeXErrors.of(
              404, null, "the local issuer is not enabled; get a token from the configured issuer");
      case LocalIssuer.Outcome.Unavailable unavailable ->
          EdgeXErrors.of(503, null, "the local issuer is misconfigured; see the server log");
    };
  }
}
