package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.ingest.application.legacy.LegacyApiService;
import dev.setpoint.ingest.config.LimitsConfig;
import dev.setpoint.ingest.interfaces.rest.json.LegacyJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The EdgeX v1 endpoints the report's device script calls (core data and metadata alike, as the
 * script reached them on ports 48080 and 48081): each create answers 200 with the new id as plain
 * text, as EdgeX v1 did; a refusal answers with the EdgeX error body. Off unless enabled, and then
 * only for the configured networks ({@link LegacyNetwork}).
 */
@Path("/v1")
@ApplicationScoped
@LegacyNetwork
public class LegacyV1Resource {
  private final LegacyApiService legacy;
  private final int maxBodyBytes;

  @Inject
  public LegacyV1Resource(LegacyApiService legacy, LimitsConfig limits) {
    this.legacy = legacy;
    this.maxBodyBytes = limits.maxBodyBytes;
  }

  /** For CDI's proxy only. */
  protected LegacyV1Resource() {
    this.legacy = null;
    this.maxBodyBytes = 0;
  }

  @GET
  @Path("/ping")
  @Produces(MediaType.TEXT_PLAIN)
  public String ping() {
    return "pong";
  }

  @POST
  @Path("/valuedescriptor")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addValueDescriptor(InputStream body, @Context HttpServletRequest http) {
    return create(body, http, LegacyJson::valueDescriptor, legacy::addValueDescriptor);
  }

  @POST
  @Path("/addressable")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addAddressable(InputStream body, @Context HttpServletRequest http) {
    return create(body, http, LegacyJson::addressable, legacy::addAddressable);
  }

  @POST
  @Path("/deviceservice")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addDeviceService(InputStream body, @Context HttpServletRequest http) {
    return create(body, http, LegacyJson::deviceService, legacy::addDeviceService);
  }

  @POST
  @Path("/device")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addDevice(InputStream body, @Context HttpServletRequest http) {
    return create(body, http, LegacyJson::device, legacy::addDevice);
  }

  @POST
  @Path("/event")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addEvent(InputStream body, @Context HttpServletRequest http) {
    return create(body, http, LegacyJson::event, legacy::addEvent);
  }

  @GET
  @Path("/event/count")
  @Produces(MediaType.TEXT_PLAIN)
  public Response countEvents() {
    return MetadataResponses.call(
        () -> Response.ok(Long.toString(legacy.countEvents()), MediaType.TEXT_PLAIN).build());
  }

  /**
   * A v1 device's newest events, newest first (none for a device of another profile); a limit above
   * the result cap answers 413; 404 while the v1 reads are off.
   */
  @GET
  @Path("/event/device/{device}/{limit}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response eventsOfDevice(
      @PathParam("device") String device, @PathParam("limit") String limit) {
    return MetadataResponses.call(
        () -> QueryResponses.ok(() -> legacy.eventsOfDevice(device, limit)));
  }

  /** The newest readings of a value descriptor, of v1 devices only, newest first. */
  @GET
  @Path("/reading/name/{name}/{limit}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response readingsOfName(@PathParam("name") String name, @PathParam("limit") String limit) {
    return MetadataResponses.call(
        () -> QueryResponses.ok(() -> legacy.readingsOfName(name, limit)));
  }

  /**
   * Reads the body as {@code read} says, hands the record to {@code use} with the client as the
   * audit trail names it, answers its new id.
   */
  private <T> Response create(
      InputStream body,
      HttpServletRequest http,
      Function<String, T> read,
      BiFunction<T, AuditActor, String> use) {
    return MetadataResponses.call(
        () ->
            Response.ok(
                    use.apply(
                        read.apply(RequestBodies.text(body, maxBodyBytes)),
                        AuditActors.legacy(http)),
                    MediaType.TEXT_PLAIN)
                .build());
  }
}
