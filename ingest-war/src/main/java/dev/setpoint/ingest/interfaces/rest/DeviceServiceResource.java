package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.edgex.AddDeviceServiceRequest;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.DeviceServiceResponse;
import dev.setpoint.contracts.edgex.IdResponse;
import dev.setpoint.contracts.edgex.MultiDeviceServicesResponse;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.MetadataService;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
 * EdgeX Core Metadata device services: batch add, reads by name and all, delete by name (409 while
 * a device belongs to it).
 */
@Path("/v3/deviceservice")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceServiceResource {
  private final MetadataService metadata;

  @Inject
  public DeviceServiceResource(MetadataService metadata) {
    this.metadata = metadata;
  }

  /** For CDI's proxy only. */
  protected DeviceServiceResource() {
    this(null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response add(
      MetadataBatch.AddDeviceServices body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    AuditActor who = AuditActors.of(security, http);
    return MetadataResponses.call(
        () ->
            Batches.answer(
                body,
                AddDeviceServiceRequest::requestId,
                request ->
                    IdResponse.created(
                        request.requestId(), metadata.addDeviceService(request.service(), who))));
  }

  @GET
  @Path("/all")
  @Requires(Role.VIEWER)
  public Response all(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return MetadataResponses.call(
        () -> {
          Paging paging = Paging.of(offset, limit);
          Page<DeviceService> page = metadata.deviceServices(paging.offset(), paging.limit());
          return Response.ok(MultiDeviceServicesResponse.ok(page.totalCount(), page.items()))
              .build();
        });
  }

  @GET
  @Path("/name/{name}")
  @Requires(Role.VIEWER)
  public Response byName(@PathParam("name") String name) {
    return MetadataResponses.call(
        () ->
            Response.ok(
                    DeviceServiceResponse.ok(
                        metadata
                            .deviceService(name)
                            .orElseThrow(
                                () ->
                                    new UnknownMetadataException(
                                        "device service '" + name + "' does not exist"))))
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
          metadata.deleteDeviceService(name, AuditActors.of(security, http));
          return Response.ok(MetadataResponses.ok(null)).build();
        });
  }
}
