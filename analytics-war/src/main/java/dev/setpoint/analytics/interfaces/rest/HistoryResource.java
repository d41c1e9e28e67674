package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.ClimateHistory;
import dev.setpoint.analytics.application.history.HistoryService;
import dev.setpoint.analytics.domain.history.DeviceSeen;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The climate history for operators: {@code GET /analytics/api/v1/history/climate} as JSON or, with
 * {@code Accept: text/csv}, as a CSV download; the devices with when they were last seen; the
 * sites.
 */
@Path("/v1")
@RequestScoped
@Tag(name = "history", description = "Climate history and recommendations from InfluxDB")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class HistoryResource {
  static final String CSV = "text/csv";

  /** CSV only when asked for: a client that accepts anything (no Accept header) gets JSON. */
  static final String CSV_LOWER_QUALITY = "text/csv;qs=0.5";

  private final HistoryService history;

  @Inject
  public HistoryResource(HistoryService history) {
    this.history = history;
  }

  /** For CDI's proxy only. */
  protected HistoryResource() {
    this.history = null;
  }

  @GET
  @Path("/history/climate")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A device's (or a site's) climate series with its latest recommendation",
      description =
          "Raw points up to 1 h for a device, otherwise means per GROUP BY time() bucket so that"
              + " a series has at most 500 points. The buckets are read from the coarsest stored"
              + " copy no wider than them (resolution: raw up to about 4 h, the 1-minute roll-up"
              + " up to about 10 days, the 1-hour roll-up beyond); ranges older than the raw"
              + " retention (30 days by default) come from the roll-ups only.")
  @APIResponse(responseCode = "200", description = "the series, oldest first")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @APIResponse(responseCode = "401", description = "no valid operator token")
  @Requires(Role.VIEWER)
  public ClimateHistory climate(
      @Parameter(description = "device name") @QueryParam("device") String device,
      @Parameter(description = "site; without a device, all its devices averaged")
          @QueryParam("site")
          String site,
      @Parameter(description = "1h, 24h, 7d, 30d or 1y, ending now (default 1h)")
          @QueryParam("range")
          String range,
      @Parameter(description = "ISO-8601 instant or epoch milliseconds") @QueryParam("from")
          String from,
      @Parameter(description = "ISO-8601 instant or epoch milliseconds; default now")
          @QueryParam("to")
          String to) {
    return history.climate(device, site, range, from, to);
  }

  @GET
  @Path("/history/climate")
  @Produces(CSV_LOWER_QUALITY)
  @Operation(summary = "The same series as a CSV download")
  @Requires(Role.VIEWER)
  public Response climateCsv(
      @QueryParam("device") String device,
      @QueryParam("site") String site,
      @QueryParam("range") String range,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    ClimateHistory series = history.climate(device, site, range, from, to);
    return Response.ok(ClimateCsv.of(series), CSV + "; charset=UTF-8")
        .header(
            "Content-Disposition", "attachment; filename=\"" + ClimateCsv.fileName(series) + "\"")
        .build();
  }

  @GET
  @Path("/devices")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Devices seen in the last 30 days, with their site and when last seen")
  @Requires(Role.VIEWER)
  public List<DeviceSeen> devices() {
    return history.devices();
  }

  @GET
  @Path("/sites")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The sites the climate points name")
  @Requires(Role.VIEWER)
  public List<String> sites() {
    return history.sites();
  }
}
