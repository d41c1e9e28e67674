package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.BaseResponse;
import dev.setpoint.contracts.edgex.CountResponse;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.EventResponse;
import dev.setpoint.contracts.edgex.MultiEventsResponse;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.EventQueryService;
import dev.setpoint.ingest.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * EdgeX Core Data's event reads and its age purge, beside {@link EventResource}'s POST under the
 * same root path: JAX-RS matches the literal segments here ({@code all}, {@code id}, {@code count},
 * {@code device}, {@code start}, {@code age}) before the POST's four templated segments, and by
 * method. Lists take {@code offset} and {@code limit} and come newest first.
 */
@Path("/v3/event")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EventQueryResource {
  private final EventQueryService queries;

  @Inject
  public EventQueryResource(EventQueryService queries) {
    this.queries = queries;
  }

  /** For CDI's proxy only. */
  protected EventQueryResource() {
    this.queries = null;
  }

  @GET
  @Path("/all")
  @Requires(Role.VIEWER)
  public Response all(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return QueryResponses.ok(() -> events(queries.allEvents(offset, limit)));
  }

  @GET
  @Path("/id/{id}")
  @Requires(Role.VIEWER)
  public Response byId(@PathParam("id") String id) {
    return QueryResponses.ok(() -> EventResponse.ok(queries.event(id)));
  }

  @GET
  @Path("/device/name/{name}")
  @DeviceOrRole(pathParam = "name", role = Role.VIEWER)
  public Response byDevice(
      @PathParam("name") String name,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return QueryResponses.ok(() -> events(queries.eventsOfDevice(name, offset, limit)));
  }

  @GET
  @Path("/start/{start}/end/{end}")
  @Requires(Role.VIEWER)
  public Response byTimeRange(
      @PathParam("start") String start,
      @PathParam("end") String end,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return QueryResponses.ok(() -> events(queries.eventsBetween(start, end, offset, limit)));
  }

  @GET
  @Path("/count")
  @Requires(Role.VIEWER)
  public Response count() {
    return QueryResponses.ok(() -> CountResponse.ok(queries.countEvents()));
  }

  @GET
  @Path("/count/device/name/{name}")
  @DeviceOrRole(pathParam = "name", role = Role.VIEWER)
  public Response countByDevice(@PathParam("name") String name) {
    return QueryResponses.ok(() -> CountResponse.ok(queries.countEventsOfDevice(name)));
  }

  /**
   * Deletes the events taken more than {@code age} nanoseconds ago, as EdgeX does, except those
   * still PENDING: the relay has not forwarded them, and the edge buffer never drops an event
   * before the cloud has it. Answers 202 with the base body, as EdgeX does; the message says how
   * many were deleted and that pending ones were kept.
   */
  @DELETE
  @Path("/age/{age}")
  @Requires(Role.ADMIN)
  public Response deleteByAge(@PathParam("age") String age) {
    return QueryResponses.answer(
        202,
        () -> {
          long deleted = queries.deleteSettledOlderThan(age);
          return new BaseResponse(
              ApiVersion.V3,
              null,
              "deleted "
                  + deleted
                  + " forwarded or rejected events older than "
                  + age.trim()
                  + " ns; events still pending forwarding are kept whatever their age",
              202);
        });
  }

  private static MultiEventsResponse events(Page<Event> page) {
    return MultiEventsResponse.ok(page.totalCount(), page.items());
  }
}
