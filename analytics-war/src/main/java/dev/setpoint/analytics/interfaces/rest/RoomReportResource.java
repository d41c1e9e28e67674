package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.savings.MonthReport;
import dev.setpoint.analytics.application.savings.SavingsService;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A room's monthly reports and their figures (README "Measured savings"). The endpoints and their
 * answers are listed in {@link SavingsHttp}.
 */
@Path("/v1/rooms/{room}/reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "savings", description = "Measured savings, pilots and monthly reports per room")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class RoomReportResource {
  private final SavingsService savings;
  private final KnownRooms rooms;

  @Inject
  public RoomReportResource(SavingsService savings, KnownRooms rooms) {
    this.savings = savings;
    this.rooms = rooms;
  }

  /** For CDI's proxy only. */
  protected RoomReportResource() {
    this.savings = null;
    this.rooms = null;
  }

  @GET
  @Path("{month}")
  @Produces({MediaType.APPLICATION_JSON, SavingsHttp.CSV, MediaType.TEXT_HTML})
  @Operation(summary = "The room's monthly report as JSON, CSV or a self-contained HTML page")
  @APIResponse(responseCode = "200", description = "the report")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @Requires(Role.VIEWER)
  public Response roomReport(
      @PathParam("room") String room,
      @PathParam("month") String month,
      @Parameter(description = "zone id, default UTC") @QueryParam("zone") String zone,
      @Parameter(description = "json (default), csv or html") @QueryParam("format") String format) {
    String f = SavingsHttp.format(format);
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    MonthReport r = savings.month(room, SavingsService.month(month), SavingsService.zone(zone));
    return switch (f) {
      case "csv" ->
          SavingsHttp.file(ReportCsv.room(r), SavingsHttp.CSV, room + "-" + r.month() + ".csv");
      case "html" ->
          SavingsHttp.file(
              ReportHtml.room(r), MediaType.TEXT_HTML, room + "-" + r.month() + ".html");
      default -> Response.ok(r, MediaType.APPLICATION_JSON).build();
    };
  }

  @GET
  @Path("{month}/{figure}")
  @Operation(summary = "One figure of the room's monthly report")
  @APIResponse(responseCode = "200", description = "the figure")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @Requires(Role.VIEWER)
  public Response roomFigure(
      @PathParam("room") String room,
      @PathParam("month") String month,
      @PathParam("figure") String figure,
      @QueryParam("zone") String zone) {
    if (!Set.of(
            "energy", "savings", "pilot", "envelope", "setpoints", "alerts", "room-alerts", "days")
        .contains(figure)) {
      throw new InvalidHistoryRequestException(
          "figure",
          "must be energy, savings, pilot, envelope, setpoints, alerts, room-alerts or days");
    }
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    MonthReport r = savings.month(room, SavingsService.month(month), SavingsService.zone(zone));
    Object value =
        switch (figure) {
          case "energy" -> r.energy();
          case "savings" -> r.savings();
          case "pilot" -> r.pilot();
          case "envelope" -> r.envelope();
          case "setpoints" -> r.setpoints();
          case "alerts" -> r.alerts();
          case "room-alerts" -> r.roomAlerts();
          default -> r.days();
        };
    if (value == null) {
      return ApiError.response(
          409,
          "savings".equals(figure)
              ? "no savings for this month: " + r.savingsNote()
              : "the room has no pilot in this month",
          "figure");
    }
    return Response.ok(value).build();
  }
}
