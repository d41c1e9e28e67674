package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.energy.AnomalyReport;
import dev.setpoint.analytics.application.energy.EnergyReport;
import dev.setpoint.analytics.application.energy.EnergyRow;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.energy.RoomAnomaly;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A room's energy for operators, rolled up from its meters' counters (README "Energy"):
 *
 * <ul>
 *   <li>{@code GET /api/v1/rooms/{room}/energy?from=&to=&step=hour|day}: {@code {"room", "from",
 *       "to", "step", "meters", "rows": [{"time", "coolingKwh", "itKwh", "coveredSeconds",
 *       "gapSeconds", "excludedSeconds", "resets", "complete"}]}}, one row per hour (default the
 *       last 48, at most 31 days) or UTC day (default the last 30, at most 400 days) up to now; a
 *       quantity the room has no meter for is left out of its rows;
 *   <li>{@code GET /api/v1/rooms/{room}/energy/anomalies?from=&to=}: {@code {"room", "from", "to",
 *       "anomalies": [{"device", "quantity", "kind", "from", "to", "detail"}]}}, newest first
 *       (default the last 7 days, at most 31).
 * </ul>
 *
 * 404 for a room analytics does not know (not seen since start, no stored mode, no stored hour);
 * 400 naming the parameter for a bad one; 503 when InfluxDB does not answer.
 */
@Path("/v1/rooms/{room}/energy")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "energy", description = "Energy per room from the meters' counters")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class EnergyResource {
  private final EnergyService energy;
  private final KnownRooms rooms;

  @Inject
  public EnergyResource(EnergyService energy, KnownRooms rooms) {
    this.energy = energy;
    this.rooms = rooms;
  }

  /** For CDI's proxy only. */
  protected EnergyResource() {
    this.energy = null;
    this.rooms = null;
  }

  @GET
  @Operation(
      summary = "The room's cooling and IT energy per hour or UTC day",
      description =
          "Rows up to now; an hour is complete when it ended, wholly covered by readings, without"
              + " gap, exclusion or anomaly; a day when all its hours are.")
  @APIResponse(responseCode = "200", description = "the rows, oldest first")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @APIResponse(responseCode = "404", description = "the room is not known")
  @Requires(Role.VIEWER)
  public Response energy(
      @PathParam("room") String room,
      @Parameter(description = "ISO-8601 instant or epoch milliseconds; down to its hour or day")
          @QueryParam("from")
          String from,
      @Parameter(description = "ISO-8601 instant or epoch milliseconds; default now")
          @QueryParam("to")
          String to,
      @Parameter(description = "hour (default) or day") @QueryParam("step") String step) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(json(energy.energy(room, from, to, step))).build();
  }

  @GET
  @Path("anomalies")
  @Operation(summary = "The room's meter anomalies with their reasons, newest first")
  @APIResponse(responseCode = "200", description = "the anomalies")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @APIResponse(responseCode = "404", description = "the room is not known")
  @Requires(Role.VIEWER)
  public Response anomalies(
      @PathParam("room") String room,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(json(energy.anomalies(room, from, to))).build();
  }

  static JsonObject json(EnergyReport report) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (EnergyRow row : report.rows()) {
      JsonObjectBuilder json = Json.createObjectBuilder().add("time", row.time().toString());
      if (row.coolingKwh() != null) {
        json.add("coolingKwh", row.coolingKwh());
      }
      if (row.itKwh() != null) {
        json.add("itKwh", row.itKwh());
      }
      rows.add(
          json.add("coveredSeconds", row.coveredSeconds())
              .add("gapSeconds", row.gapSeconds())
              .add("excludedSeconds", row.excludedSeconds())
              .add("resets", row.resets())
              .add("complete", row.complete()));
    }
    return Json.createObjectBuilder()
        .add("room", report.room())
        .add("from", report.from().toString())
        .add("to", report.to().toString())
        .add("step", report.step())
        .add("meters", Json.createArrayBuilder(report.meters()))
        .add("rows", rows)
        .build();
  }

  static JsonObject json(AnomalyReport report) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (RoomAnomaly a : report.anomalies()) {
      list.add(
          Json.createObjectBuilder()
              .add("device", a.device())
              .add("quantity", a.quantity())
              .add("kind", a.kind())
              .add("from", a.from().toString())
              .add("to", a.to().toString())
              .add("detail", a.detail()));
    }
    return Json.createObjectBuilder()
        .add("room", report.room())
        .add("from", report.from().toString())
        .add("to", report.to().toString())
        .add("anomalies", list)
        .build();
  }
}
