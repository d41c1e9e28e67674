package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.HistoryRange;
import dev.setpoint.analytics.application.savings.SavingsService;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A room's baseline period and its fit (README "Measured savings"). The endpoints and their answers
 * are listed in {@link SavingsHttp}.
 */
@Path("/v1/rooms/{room}/baseline")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "savings", description = "Measured savings, pilots and monthly reports per room")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class RoomBaselineResource {
  static final int MAX_BODY = 1024;

  private final SavingsService savings;
  private final KnownRooms rooms;

  @Inject
  public RoomBaselineResource(SavingsService savings, KnownRooms rooms) {
    this.savings = savings;
    this.rooms = rooms;
  }

  /** For CDI's proxy only. */
  protected RoomBaselineResource() {
    this.savings = null;
    this.rooms = null;
  }

  @GET
  @Operation(summary = "The room's baseline period and the baselines fitted on it")
  @APIResponse(responseCode = "200", description = "the fits, each accepted or refused with why")
  @APIResponse(responseCode = "404", description = "the room is not known")
  @APIResponse(responseCode = "409", description = "no baseline period is set")
  @Requires(Role.VIEWER)
  public Response baseline(@PathParam("room") String room) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(savings.baseline(room)).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sets the room's baseline period and answers its fit")
  @APIResponse(responseCode = "200", description = "stored; the fits")
  @APIResponse(responseCode = "400", description = "a field is wrong; the body names it")
  @APIResponse(responseCode = "404", description = "the room is not known")
  @Requires(Role.OPERATOR)
  public Response setBaseline(
      @PathParam("room") String room,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    JsonBody json = JsonBody.parse(body, MAX_BODY, Set.of("from", "to"));
    Instant from = HistoryRange.instant("from", json.requiredString("from").strip());
    Instant to = HistoryRange.instant("to", json.requiredString("to").strip());
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.setBaseline(room, from, to, AuditActors.of(security, http));
    return Response.ok(savings.baseline(room)).build();
  }

  @DELETE
  @Operation(summary = "Removes the room's baseline period")
  @APIResponse(responseCode = "204", description = "removed")
  @Requires(Role.OPERATOR)
  public Response clearBaseline(
      @PathParam("room") String room,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    savings.clearBaseline(room, AuditActors.of(security, http));
    return Response.noContent().build();
  }
}
