package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceResponse;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceResponse;
import dev.setpoint.contracts.edgex.MultiDevicesResponse;
import dev.setpoint.contracts.edgex.UpdateDeviceRequest;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.DeviceRegistration;
import dev.setpoint.ingest.application.MetadataService;
import dev.setpoint.ingest.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * EdgeX Core Metadata devices: batch add (its service and profile must exist), batch {@code PATCH}
 * (lock, unlock, operating state, labels, location, description), reads by name and all, delete by
 * name (the device's stored events stay; its stored commands and its token go). Adding a device
 * issues its bearer token, returned in that device's element of the 207 answer only. Core Command,
 * under the same path, is {@link CommandResource}.
 */
@Path("/v3/device")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceMetadataResource {
  private final MetadataService metadata;
  private final DeviceRegistration registration;

  @Inject
  public DeviceMetadataResource(MetadataService metadata, DeviceRegistration registration) {
    this.metadata = metadata;
    this.registration = registration;
  }

  /** For CDI's proxy only. */
  protected DeviceMetadataResource() {
    this(null, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response add(
      MetadataBatch.AddDevices body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    AuditActor who = AuditActors.of(security, http);
    Response answer =
        MetadataResponses.call(
            () ->
                Batches.answer(
                    body,
                    AddDeviceRequest::requestId,
                    request -> {
                      DeviceRegistration.Registered device =
                          registration.register(request.device(), who);
                      return AddDeviceResponse.created(
                          request.requestId(),
                          device.id(),
                          device.token() == null ? null : device.token().token());
                    }));
    // The answer carries the new devices' tokens: no cache may keep it.
    return Response.fromResponse(answer).header("Cache-Control", "no-store").build();
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response update(
      MetadataBatch.UpdateDevices body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    AuditActor who = AuditActors.of(security, http);
    return MetadataResponses.call(
        () ->
            Batches.answer(
                body,
                UpdateDeviceRequest::requestId,
                request -> {
                  metadata.updateDevice(request.device(), who);
                  return MetadataResponses.ok(request.requestId());
                }));
  }

  @GET
  @Path("/all")
  @Requires(Role.VIEWER)
  public Response all(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return MetadataResponses.call(
        () -> {
          Paging paging = Paging.of(offset, limit);
          Page<Device> page = metadata.devices(paging.offset(), paging.limit());
          return Response.ok(MultiDevicesResponse.ok(page.totalCount(), page.items())).build();
        });
  }

  @GET
  @Path("/name/{name}")
  @Requires(Role.VIEWER)
  public Response byName(@PathParam("name") String name) {
    return MetadataResponses.call(
        () ->
            Response.ok(
                    DeviceResponse.ok(
                        metadata
                            .device(name)
                            .orElseThrow(() -> MetadataService.unknownDevice(name))))
                .build());
  }

  @DELETE
  @Path("/name/{name}")
  @Requires(Role.OPERATOR)
  public Response delete(
      @PathParam("name") String name,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return MetadataResponses.call(
        () -> {
          registration.delete(name, AuditActors.of(security, http));
          return Response.ok(MetadataResponses.ok(null)).build();
        });
  }
}
