package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.savings.SavingsService;
import dev.setpoint.analytics.config.RecommenderConfig;
import dev.setpoint.analytics.domain.savings.Pilot;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A room's pilot: schedule, start, stop (README "Measured savings"). The endpoints and their
 * answers are listed in {@link SavingsHttp}.
 */
@Path("/v1/rooms/{room}/pilot")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "savings", description = "Measured savings, pilots and monthly reports per room")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class RoomPilotResource {
  static final int MAX_BODY = 1024;

  private final SavingsService savings;
  private final KnownRooms rooms;
  private final double minC;
  private final double maxC;

  @Inject
  public RoomPilotResource(SavingsService savings, KnownRooms rooms, RecommenderConfig config) {
    this.savings = savings;
    this.rooms = rooms;
    this.minC = config.minC;
    this.maxC = config.maxC;
  }

  /** For CDI's proxy only. */
  protected RoomPilotResource() {
    this.savings = null;
    this.rooms = null;
    this.minC = 0;
    this.maxC = 0;
  }

  @GET
  @Operation(summary = "The room's pilot: schedule, each day's decisions, the comparison so far")
  @APIResponse(responseCode = "200", description = "the pilot")
  @APIResponse(responseCode = "409", description = "the room has no pilot")
  @Requires(Role.VIEWER)
  public Response pilot(@PathParam("room") String room) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(savings.pilot(room)).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Schedules a pilot: the controller and a fixed setpoint on random periods")
  @APIResponse(responseCode = "200", description = "scheduled; the pilot")
  @APIResponse(responseCode = "400", description = "a field is wrong; the body names it")
  @APIResponse(responseCode = "409", description = "a pilot is already running")
  @Requires(Role.OPERATOR)
  public Response setPilot(
      @PathParam("room") String room,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
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
        AuditActors.of(security, http));
    return Response.ok(savings.pilot(room)).build();
  }

  @POST
  @Path("stop")
  @Operation(summary = "Stops the room's pilot now; the recommender decides again")
  @APIResponse(responseCode = "200", description = "stopped; the pilot")
  @APIResponse(responseCode = "409", description = "no pilot to stop")
  @Requires(Role.OPERATOR)
  public Response stopPilot(
      @PathParam("room") String room,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.stopPilot(room, AuditActors.of(security, http));
    return Response.ok(savings.pilot(room)).build();
  }
}
