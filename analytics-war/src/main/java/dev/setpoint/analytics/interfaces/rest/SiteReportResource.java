package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.savings.SavingsService;
import dev.setpoint.analytics.application.savings.SiteMonthReport;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A site's monthly reports (README "Measured savings"). The endpoints and their answers are listed
 * in {@link SavingsHttp}.
 */
@Path("/v1/sites/{site}/reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "savings", description = "Measured savings, pilots and monthly reports per room")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class SiteReportResource {
  private final SavingsService savings;
  private final KnownRooms rooms;

  @Inject
  public SiteReportResource(SavingsService savings, KnownRooms rooms) {
    this.savings = savings;
    this.rooms = rooms;
  }

  /** For CDI's proxy only. */
  protected SiteReportResource() {
    this.savings = null;
    this.rooms = null;
  }

  @GET
  @Path("{month}")
  @Produces({MediaType.APPLICATION_JSON, SavingsHttp.CSV, MediaType.TEXT_HTML})
  @Operation(summary = "The site's monthly report: its rooms and totals")
  @APIResponse(responseCode = "200", description = "the report")
  @Requires(Role.VIEWER)
  public Response siteReport(
      @PathParam("site") String site,
      @PathParam("month") String month,
      @QueryParam("zone") String zone,
      @QueryParam("format") String format) {
    String f = SavingsHttp.format(format);
    if (SavingsHttp.blank(site)
        || site.length() > 256
        || site.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidHistoryRequestException("site", "must be a site name");
    }
    SiteMonthReport r =
        savings.siteMonth(site, SavingsService.month(month), SavingsService.zone(zone));
    return switch (f) {
      case "csv" ->
          SavingsHttp.file(ReportCsv.site(r), SavingsHttp.CSV, site + "-" + r.month() + ".csv");
      case "html" ->
          SavingsHttp.file(
              ReportHtml.site(r), MediaType.TEXT_HTML, site + "-" + r.month() + ".html");
      default -> Response.ok(r, MediaType.APPLICATION_JSON).build();
    };
  }
}
