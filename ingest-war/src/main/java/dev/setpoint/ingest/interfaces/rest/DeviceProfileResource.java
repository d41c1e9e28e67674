package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.edgex.AddDeviceProfileRequest;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceProfileResponse;
import dev.setpoint.contracts.edgex.IdResponse;
import dev.setpoint.contracts.edgex.MultiDeviceProfilesResponse;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.MetadataService;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.config.LimitsConfig;
import dev.setpoint.ingest.domain.Page;
import dev.setpoint.ingest.interfaces.rest.json.YamlProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * EdgeX Core Metadata device profiles: {@code POST /api/v3/deviceprofile} (JSON batch), {@code POST
 * /api/v3/deviceprofile/uploadfile} (one YAML profile as multipart part {@code file}), reads by
 * name and all, delete by name (409 while a device uses it).
 */
@Path("/v3/deviceprofile")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceProfileResource {
  private final MetadataService metadata;
  private final int maxBodyBytes;

  @Inject
  public DeviceProfileResource(MetadataService metadata, LimitsConfig limits) {
    this.metadata = metadata;
    this.maxBodyBytes = limits.maxBodyBytes;
  }

  /** For CDI's proxy only. */
  protected DeviceProfileResource() {
    this.metadata = null;
    this.maxBodyBytes = 0;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response add(
      MetadataBatch.AddProfiles body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    AuditActor who = AuditActors.of(security, http);
    return MetadataResponses.call(
        () ->
            Batches.answer(
                body,
                AddDeviceProfileRequest::requestId,
                request ->
                    IdResponse.created(
                        request.requestId(), metadata.addProfile(request.profile(), who))));
  }

  @POST
  @Path("/uploadfile")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Requires(Role.OPERATOR)
  public Response upload(
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      @FormParam("file") EntityPart file,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return MetadataResponses.call(
        () -> {
          // The multipart body is parsed before this method runs: refuse a declared oversize
          // body at once, and read at most the limit from the part itself.
          if (contentLength != null && tooLarge(contentLength)) {
            throw new BadRequestBodyException(
                413, "request body exceeds " + maxBodyBytes + " bytes");
          }
          if (file == null) {
            throw new BadRequestBodyException(
                400, "multipart part 'file' is required; it holds the YAML device profile");
          }
          String yaml = RequestBodies.text(file.getContent(), maxBodyBytes);
          DeviceProfile profile = YamlProfiles.parse(yaml, "profile");
          return Response.status(201)
              .entity(
                  IdResponse.created(
                      null, metadata.addProfile(profile, AuditActors.of(security, http))))
              .build();
        });
  }

  private boolean tooLarge(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @GET
  @Path("/all")
  @Requires(Role.VIEWER)
  public Response all(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    return MetadataResponses.call(
        () -> {
          Paging paging = Paging.of(offset, limit);
          Page<DeviceProfile> page = metadata.profiles(paging.offset(), paging.limit());
          return Response.ok(MultiDeviceProfilesResponse.ok(page.totalCount(), page.items()))
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
                    DeviceProfileResponse.ok(
                        metadata
                            .profile(name)
                            .orElseThrow(
                                () ->
                                    new UnknownMetadataException(
                                        "device profile '" + name + "' does not exist"))))
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
          metadata.deleteProfile(name, AuditActors.of(security, http));
          return Response.ok(MetadataResponses.ok(null)).build();
        });
  }
}
