package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.IdResponse;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.DeviceLockedException;
import dev.setpoint.ingest.application.EventIngestService;
import dev.setpoint.ingest.application.EventPath;
import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.RetryLaterException;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * EdgeX Core Data: {@code POST /api/v3/event/{service}/{profile}/{device}/{source}}. The body comes
 * read strictly by {@link EventRequestReader} (a malformed body is an EdgeX 400 that says what is
 * wrong, an oversize one a 413); the checks against the device and its profile are the
 * application's. A device over its rate gets 429, one at its cap of unforwarded events 507, and
 * every device 507 while the buffer's volume is above its high-water mark, all with {@code
 * Retry-After}: refusals to retry, never a 400 (which the agent drops for good).
 */
@Path("/v3/event")
@ApplicationScoped
public class EventResource {
  private final EventIngestService ingest;

  @Inject
  public EventResource(EventIngestService ingest) {
    this.ingest = ingest;
  }

  /** For CDI's proxy only. */
  protected EventResource() {
    this(null);
  }

  @POST
  @Path("/{serviceName}/{profileName}/{deviceName}/{sourceName}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @DeviceOrRole(pathParam = "deviceName", role = Role.OPERATOR)
  public Response add(
      @PathParam("serviceName") String serviceName,
      @PathParam("profileName") String profileName,
      @PathParam("deviceName") String deviceName,
      @PathParam("sourceName") String sourceName,
      AddEventRequest request) {
    String requestId = request == null ? null : request.requestId();
    try {
      String id =
          ingest.add(request, new EventPath(serviceName, profileName, deviceName, sourceName));
      return Response.status(201).entity(IdResponse.created(requestId, id)).build();
    } catch (RetryLaterException e) {
      return EdgeXErrors.retryLater(
          EdgeXErrors.of(EdgeXErrors.status(e), requestId, e.getMessage()), e);
    } catch (InvalidEventException e) {
      return EdgeXErrors.of(400, requestId, e.getMessage());
    } catch (UnknownMetadataException e) {
      return EdgeXErrors.of(404, requestId, e.getMessage());
    } catch (DeviceLockedException e) {
      return EdgeXErrors.of(423, requestId, e.getMessage());
    } catch (DuplicateEventException e) {
      return EdgeXErrors.of(409, requestId, e.getMessage());
    } catch (StoreUnavailableException e) {
      return EdgeXErrors.of(503, requestId, e.getMessage() + "; retry later");
    }
  }
}
