package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.HistoryRange;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.savings.SavingsService;
import dev.setpoint.analytics.domain.savings.MvPlan;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A room's measured savings over a reporting period (README "Measured savings"). The endpoints and
 * their answers are listed in {@link SavingsHttp}.
 */
@Path("/v1/rooms/{room}/savings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "savings", description = "Measured savings, pilots and monthly reports per room")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class RoomSavingsResource {
  private final SavingsService savings;
  private final KnownRooms rooms;

  @Inject
  public RoomSavingsResource(SavingsService savings, KnownRooms rooms) {
    this.savings = savings;
    this.rooms = rooms;
  }

  /** For CDI's proxy only. */
  protected RoomSavingsResource() {
    this.savings = null;
    this.rooms = null;
  }

  @GET
  @Operation(summary = "The room's savings over a reporting period, per meter, with uncertainty")
  @APIResponse(responseCode = "200", description = "the savings, or why there are none, per meter")
  @APIResponse(responseCode = "409", description = "no baseline, or a period within it")
  @Requires(Role.VIEWER)
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
    Instant end = SavingsHttp.blank(to) ? Instant.now() : HistoryRange.instant("to", to.strip());
    Instant start;
    if (!SavingsHttp.blank(from)) {
      start = HistoryRange.instant("from", from.strip());
    } else if (plan.baseline() != null) {
      start = plan.baseline().to();
    } else {
      throw new InvalidHistoryRequestException(
          "from", "is required when the room has no baseline period");
    }
    return Response.ok(savings.savings(room, start, end)).build();
  }
}
