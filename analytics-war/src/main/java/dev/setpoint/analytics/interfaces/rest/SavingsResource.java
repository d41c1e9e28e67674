package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.HistoryRange;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.savings.MonthReport;
import dev.setpoint.analytics.application.savings.SavingsService;
import dev.setpoint.analytics.application.savings.SiteMonthReport;
import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.analytics.domain.savings.MvPlan;
import dev.setpoint.analytics.domain.savings.Pilot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Measured savings for operators (README "Measured savings"; operator JWT on every method):
 *
 * <ul>
 *   <li>{@code PUT /api/v1/rooms/{room}/baseline} with {@code {"from", "to"}} (ISO-8601 instants):
 *       sets the room's baseline period (ended, a week to 400 days) and answers its fit, as {@code
 *       GET} does; {@code DELETE} removes it;
 *   <li>{@code GET /api/v1/rooms/{room}/baseline}: the baselines fitted on it, per meter ({@code
 *       cooling}, and {@code cooling_it} where IT is metered), each accepted or refused with
 *       Guideline 14's statistics and the reason, and the hours excluded by reason;
 *   <li>{@code GET /api/v1/rooms/{room}/savings?from=&to=}: the savings over the reporting period
 *       (default from the baseline period's end to now) per meter, with their 68 % and 90 %
 *       half-widths, or the reason there are none;
 *   <li>{@code PUT /api/v1/rooms/{room}/pilot} with {@code {"start": "2026-12-07", "days": 84,
 *       "periodDays": 7, "fixedSetpoint": 20.0, "zone": "UTC", "carryOverHours": 48, "seed": n}}
 *       (only {@code start} and {@code fixedSetpoint} are required; the seed is drawn when absent):
 *       schedules a pilot, during which the recommender commands the fixed setpoint on the
 *       schedule's fixed days (a room in {@code auto}); {@code GET} answers its schedule, what was
 *       done on each day and the comparison so far; {@code POST …/pilot/stop} stops it;
 *   <li>{@code GET /api/v1/rooms/{room}/reports/{yyyy-MM}?zone=&format=json|csv|html}: the room's
 *       monthly report; {@code …/reports/{yyyy-MM}/{figure}} one figure of it ({@code energy},
 *       {@code savings}, {@code pilot}, {@code envelope}, {@code setpoints}, {@code alerts}, {@code
 *       days});
 *   <li>{@code GET /api/v1/sites/{site}/reports/{yyyy-MM}?zone=&format=}: the site's.
 * </ul>
 *
 * 400 naming the parameter or field at fault; 404 for a room not known; 409 when the room's plan
 * cannot serve the request (no baseline period, a pilot already running), saying why; 503 when a
 * store does not answer (nothing changed).
 */
@Path("/v1")
@ApplicationScoped
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "savings", description = "Measured savings, pilots and monthly reports per room")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class SavingsResource {
  static final int MAX_BODY = 1024;
  static final String CSV = "text/csv";

  private final SavingsService savings;
  private final KnownRooms rooms;
  private final double minC;
  private final double maxC;

  @Inject
  public SavingsResource(SavingsService savings, KnownRooms rooms, RecommenderConfig config) {
    this.savings = savings;
    this.rooms = rooms;
    this.minC = config.minC;
    this.maxC = config.maxC;
  }

  /** For CDI's proxy only. */
  protected SavingsResource() {
    this.savings = null;
    this.rooms = null;
    this.minC = 0;
    this.maxC = 0;
  }

  @GET
  @Path("rooms/{room}/baseline")
  @Operation(summary = "The room's baseline period and the baselines fitted on it")
  @APIResponse(responseCode = "200", description = "the fits, each accepted or refused with why")
  @APIResponse(responseCode = "404", description = "the room is not known")
  @APIResponse(responseCode = "409", description = "no baseline period is set")
  public Response baseline(@PathParam("room") String room) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(savings.baseline(room)).build();
  }

  @PUT
  @Path("rooms/{room}/baseline")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sets the room's baseline period and answers its fit")
  @APIResponse(responseCode = "200", description = "stored; the fits")
  @APIResponse(responseCode = "400", description = "a field is wrong; the body names it")
  @APIResponse(responseCode = "404", description = "the room is not known")
  public Response setBaseline(
      @PathParam("room") String room, String body, @Context SecurityContext security) {
    JsonBody json = JsonBody.parse(body, MAX_BODY, Set.of("from", "to"));
    Instant from = HistoryRange.instant("from", json.requiredString("from").strip());
    Instant to = HistoryRange.instant("to", json.requiredString("to").strip());
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.setBaseline(room, from, to, operator(security));
    return Response.ok(savings.baseline(room)).build();
  }

  @DELETE
  @Path("rooms/{room}/baseline")
  @Operation(summary = "Removes the room's baseline period")
  @APIResponse(responseCode = "204", description = "removed")
  public Response clearBaseline(@PathParam("room") String room, @Context SecurityContext security) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.clearBaseline(room, operator(security));
    return Response.noContent().build();
  }

  @GET
  @Path("rooms/{room}/savings")
  @Operation(summary = "The room's savings over a reporting period, per meter, with uncertainty")
  @APIResponse(responseCode = "200", description = "the savings, or why there are none, per meter")
  @APIResponse(responseCode = "409", description = "no baseline, or a period within it")
  public Response roomSavings(
      @PathParam("room") String room,
      @Parameter(description = "ISO-8601 instant; default the baseline period's end")
          @QueryParam("from")
          String from,
      @Parameter(description = "ISO-8601 instant; default now") @QueryParam("to") String to) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    MvPlan plan = savings.plan(room);
    Instant end = blank(to) ? Instant.now() : HistoryRange.instant("to", to.strip());
    Instant start;
    if (!blank(from)) {
      start = HistoryRange.instant("from", from.strip());
    } else if (plan.baseline() != null) {
      start = plan.baseline().to();
    } else {
      throw new InvalidHistoryRequestException(
          "from", "is required when the room has no baseline period");
    }
    return Response.ok(savings.savings(room, start, end)).build();
  }

  @GET
  @Path("rooms/{room}/pilot")
  @Operation(summary = "The room's pilot: schedule, each day's decisions, the comparison so far")
  @APIResponse(responseCode = "200", description = "the pilot")
  @APIResponse(responseCode = "409", description = "the room has no pilot")
  public Response pilot(@PathParam("room") String room) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(savings.pilot(room)).build();
  }

  @PUT
  @Path("rooms/{room}/pilot")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Schedules a pilot: the controller and a fixed setpoint on random periods")
  @APIResponse(responseCode = "200", description = "scheduled; the pilot")
  @APIResponse(responseCode = "400", description = "a field is wrong; the body names it")
  @APIResponse(responseCode = "409", description = "a pilot is already running")
  public Response setPilot(
      @PathParam("room") String room, String body, @Context SecurityContext security) {
    JsonBody json =
        JsonBody.parse(
            body,
            MAX_BODY,
            Set.of(
                "start", "days", "periodDays", "fixedSetpoint", "zone", "carryOverHours", "seed"));
    LocalDate start;
    try {
      start = LocalDate.parse(json.requiredString("start").strip());
    } catch (DateTimeParseException e) {
      throw new InvalidHistoryRequestException("start", "must be a date as yyyy-MM-dd");
    }
    int days = json.integer("days", 2, SavingsService.MAX_PILOT_DAYS, 84);
    int periodDays = json.integer("periodDays", 1, 28, 7);
    int carryOver = json.integer("carryOverHours", 0, 24 * 28, Math.min(48, 24 * periodDays / 2));
    if (carryOver >= 24 * periodDays) {
      throw new InvalidHistoryRequestException(
          "carryOverHours", "must be shorter than a period (" + 24 * periodDays + " hours)");
    }
    double fixed =
        json.number("fixedSetpoint")
            .orElseThrow(() -> new InvalidHistoryRequestException("fixedSetpoint", "is required"))
            .doubleValue();
    if (!(fixed >= minC && fixed <= maxC)) {
      throw new InvalidHistoryRequestException(
          "fixedSetpoint",
          String.format(
              Locale.ROOT, "must lie within the setpoint range %.1f–%.1f °C", minC, maxC));
    }
    ZoneId zone = SavingsService.zone(json.string("zone").orElse("UTC"));
    long seed =
        json.number("seed")
            .map(
                n -> {
                  if (!n.isIntegral()) {
                    throw new InvalidHistoryRequestException("seed", "must be a whole number");
                  }
                  return n.longValue();
                })
            .orElseGet(() -> ThreadLocalRandom.current().nextLong(1L << 48));
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.startPilot(
        room,
        new Pilot(start, days, periodDays, seed, fixed, zone, carryOver, null),
        operator(security));
    return Response.ok(savings.pilot(room)).build();
  }

  @POST
  @Path("rooms/{room}/pilot/stop")
  @Operation(summary = "Stops the room's pilot now; the recommender decides again")
  @APIResponse(responseCode = "200", description = "stopped; the pilot")
  @APIResponse(responseCode = "409", description = "no pilot to stop")
  public Response stopPilot(@PathParam("room") String room, @Context SecurityContext security) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.stopPilot(room, operator(security));
    return Response.ok(savings.pilot(room)).build();
  }

  @GET
  @Path("rooms/{room}/reports/{month}")
  @Produces({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML})
  @Operation(summary = "The room's monthly report as JSON, CSV or a self-contained HTML page")
  @APIResponse(responseCode = "200", description = "the report")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  public Response roomReport(
      @PathParam("room") String room,
      @PathParam("month") String month,
      @Parameter(description = "zone id, default UTC") @QueryParam("zone") String zone,
      @Parameter(description = "json (default), csv or html") @QueryParam("format") String format) {
    String f = format(format);
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    MonthReport r = savings.month(room, SavingsService.month(month), SavingsService.zone(zone));
    return switch (f) {
      case "csv" -> file(ReportCsv.room(r), CSV, room + "-" + r.month() + ".csv");
      case "html" ->
          file(ReportHtml.room(r), MediaType.TEXT_HTML, room + "-" + r.month() + ".html");
      default -> Response.ok(r, MediaType.APPLICATION_JSON).build();
    };
  }

  @GET
  @Path("rooms/{room}/reports/{month}/{figure}")
  @Operation(summary = "One figure of the room's monthly report")
  @APIResponse(responseCode = "200", description = "the figure")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  public Response roomFigure(
      @PathParam("room") String room,
      @PathParam("month") String month,
      @PathParam("figure") String figure,
      @QueryParam("zone") String zone) {
    if (!Set.of("energy", "savings", "pilot", "envelope", "setpoints", "alerts", "days")
        .contains(figure)) {
      throw new InvalidHistoryRequestException(
          "figure", "must be energy, savings, pilot, envelope, setpoints, alerts or days");
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

  @GET
  @Path("sites/{site}/reports/{month}")
  @Produces({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML})
  @Operation(summary = "The site's monthly report: its rooms and totals")
  @APIResponse(responseCode = "200", description = "the report")
  public Response siteReport(
      @PathParam("site") String site,
      @PathParam("month") String month,
      @QueryParam("zone") String zone,
      @QueryParam("format") String format) {
    String f = format(format);
    if (blank(site) || site.length() > 256 || site.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidHistoryRequestException("site", "must be a site name");
    }
    SiteMonthReport r =
        savings.siteMonth(site, SavingsService.month(month), SavingsService.zone(zone));
    return switch (f) {
      case "csv" -> file(ReportCsv.site(r), CSV, site + "-" + r.month() + ".csv");
      case "html" ->
          file(ReportHtml.site(r), MediaType.TEXT_HTML, site + "-" + r.month() + ".html");
      default -> Response.ok(r, MediaType.APPLICATION_JSON).build();
    };
  }

  private static String format(String format) {
    String f = blank(format) ? "json" : format.strip().toLowerCase(Locale.ROOT);
    if (!Set.of("json", "csv", "html").contains(f)) {
      throw new InvalidHistoryRequestException("format", "must be json, csv or html");
    }
    return f;
  }

  private static Response file(String body, String type, String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return Response.ok(body, type + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + safe + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static String operator(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
