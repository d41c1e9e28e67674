package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.MultiReadingsResponse;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.EventQueryService;
import dev.setpoint.ingest.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * EdgeX Core Data's reading reads. Readings live inside their events in the edge buffer; each comes
 * back with its event's device and profile names. Lists take {@code offset} and {@code limit} and
 * come newest first, by the reading's own origin.
 */
@Path("/v3/reading")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReadingQueryResource {
  private final EventQueryService queries;

  @Inject
  public ReadingQueryResource(EventQueryService queries) {
    this.queries = queries;
  }

  /** For CDI's proxy only. */
  protected ReadingQueryResource() {
    this.queries = null;
  }

  @GET
  @Path("/all")
  @Requires(Role.VIEWER)
  public Response all(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return QueryResponses.ok(() -> readings(queries.allReadings(offset, limit)));
  }

  @GET
  @Path("/device/name/{name}")
  @DeviceOrRole(pathParam = "name", role = Role.VIEWER)
  public Response byDevice(
      @PathParam("name") String name,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return QueryResponses.ok(() -> readings(queries.readingsOfDevice(name, offset, limit)));
  }

  @GET
  @Path("/resourceName/{name}")
  @Requires(Role.VIEWER)
  public Response byResource(
      @PathParam("name") String name,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return QueryResponses.ok(() -> readings(queries.readingsOfResource(name, offset, limit)));
  }

  private static MultiReadingsResponse readings(Page<Reading> page) {
    return MultiReadingsResponse.ok(page.totalCount(), page.items());
  }
}
