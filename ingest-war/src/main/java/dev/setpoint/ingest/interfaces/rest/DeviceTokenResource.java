package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.BaseResponse;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.DeviceRegistration;
import dev.setpoint.ingest.application.DeviceTokenService;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Operators issue, rotate and revoke a device's bearer token: {@code POST} answers 201 with a new
 * token (shown this once; any earlier token of the device stops working), {@code DELETE} revokes
 * it.
 */
@Path("/v3/device/name/{name}/token")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceTokenResource {
  private final DeviceTokenService tokens;
  private final DeviceRegistration registration;

  @Inject
  public DeviceTokenResource(DeviceTokenService tokens, DeviceRegistration registration) {
    this.tokens = tokens;
    this.registration = registration;
  }

  /** For CDI's proxy only. */
  protected DeviceTokenResource() {
    this(null, null);
  }

  @POST
  @Requires(Role.OPERATOR)
  public Response issue(
      @PathParam("name") String name,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    try {
      return Response.status(201)
          .header("Cache-Control", "no-store")
          .entity(
              DeviceTokenResponse.of(registration.issueToken(name, AuditActors.of(security, http))))
          .build();
    } catch (UnknownMetadataException e) {
      return EdgeXErrors.of(404, null, e.getMessage());
    } catch (IllegalArgumentException e) {
      return EdgeXErrors.of(400, null, "name: " + e.getMessage());
    } catch (StoreUnavailableException e) {
      return EdgeXErrors.of(503, null, e.getMessage() + "; retry later");
    }
  }

  @DELETE
  @Requires(Role.OPERATOR)
  public Response revoke(
      @PathParam("name") String name,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    try {
      if (!tokens.revoke(name, AuditActors.of(security, http))) {
        return EdgeXErrors.of(404, null, "device '" + name + "' has no valid token");
      }
      return Response.ok(new BaseResponse(ApiVersion.V3, null, null, 200)).build();
    } catch (IllegalArgumentException e) {
      return EdgeXErrors.of(400, null, "name: " + e.getMessage());
    } catch (StoreUnavailableException e) {
      return EdgeXErrors.of(503, null, e.getMessage() + "; retry later");
    }
  }
}
