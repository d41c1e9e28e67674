package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.alert.RoomGauges;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/metrics}: the rooms' gauges and the open alerts for Prometheus ({@link
 * RoomGauges}), to a person of at least the role viewer or to the scrape token ({@code
 * setpoint.analytics.metrics.scrape-token}; {@link ScrapeTokenOr}, checked by {@link
 * AccessFilter}); 401 to anyone else. Not on the anonymous {@code /metrics}: these name rooms and
 * devices.
 */
@Path("/v1/metrics")
@ApplicationScoped
@Tag(name = "alerts", description = "Alerts, their acknowledgement and their rules")
public class RoomMetricsResource {
  static final String EXPOSITION = "text/plain; version=0.0.4; charset=utf-8";

  private final AlertService alerts;

  @Inject
  public RoomMetricsResource(AlertService alerts) {
    this.alerts = alerts;
  }

  /** For CDI's proxy only. */
  protected RoomMetricsResource() {
    this.alerts = null;
  }

  @GET
  @Produces(EXPOSITION)
  @Operation(summary = "The rooms' gauges and open alerts in Prometheus' text format")
  @APIResponse(responseCode = "200", description = "the exposition")
  @APIResponse(responseCode = "401", description = "neither a JWT nor the scrape token")
  @APIResponse(responseCode = "403", description = "a JWT whose groups grant no role")
  @ScrapeTokenOr(Role.VIEWER)
  public Response metrics() {
    return Response.ok(
            RoomGauges.exposition(alerts.rooms(), alerts.openNow(), Instant.now()), EXPOSITION)
        .build();
  }
}
