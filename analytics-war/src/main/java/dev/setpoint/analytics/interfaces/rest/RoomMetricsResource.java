package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.alert.RoomGauges;
import dev.setpoint.analytics.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/metrics}: the rooms' gauges and the open alerts for Prometheus ({@link
 * RoomGauges}), to an operator JWT or to the scrape token ({@code
 * setpoint.analytics.metrics.scrape-token}, a bearer token that is not a JWT, compared in constant
 * time); 401 to anyone else. Not on the anonymous {@code /metrics}: these name rooms and devices.
 */
@Path("/v1/metrics")
@ApplicationScoped
@Tag(name = "alerts", description = "Alerts, their acknowledgement and their rules")
public class RoomMetricsResource {
  static final String EXPOSITION = "text/plain; version=0.0.4; charset=utf-8";

  private final AlertService alerts;
  private final Optional<byte[]> token;

  @Inject
  public RoomMetricsResource(AlertService alerts, AlertConfig config) {
    this.alerts = alerts;
    this.token =
        config
            .scrapeToken
            .filter(t -> !t.isBlank())
            .map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** For CDI's proxy only. */
  protected RoomMetricsResource() {
    this.alerts = null;
    this.token = Optional.empty();
  }

  @GET
  @Produces(EXPOSITION)
  @Operation(summary = "The rooms' gauges and open alerts in Prometheus' text format")
  @APIResponse(responseCode = "200", description = "the exposition")
  @APIResponse(responseCode = "401", description = "neither an operator JWT nor the scrape token")
  public Response metrics(@Context HttpHeaders headers, @Context SecurityContext security) {
    if (!admitted(headers.getHeaderString(HttpHeaders.AUTHORIZATION), security)) {
      return Response.fromResponse(
              ApiError.response(
                  401, "an operator JWT or the scrape token is required as a bearer token", null))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"setpoint\"")
          .build();
    }
    return Response.ok(
            RoomGauges.exposition(alerts.rooms(), alerts.openNow(), Instant.now()), EXPOSITION)
        .build();
  }

  boolean admitted(String authorization, SecurityContext security) {
    if (security.getUserPrincipal() instanceof JsonWebToken jwt) {
      return jwt.getGroups() != null && jwt.getGroups().contains(OperatorFilter.GROUP);
    }
    if (token.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given =
        authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.get());
  }
}
