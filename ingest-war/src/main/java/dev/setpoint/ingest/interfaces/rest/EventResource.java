package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.IdResponse;
import dev.setpoint.ingest.application.DeviceLockedException;
import dev.setpoint.ingest.application.EventIngestService;
import dev.setpoint.ingest.application.EventPath;
import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.application.UnknownMetadataException;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.interfaces.rest.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * EdgeX Core Data: {@code POST /api/v3/event/{service}/{profile}/{device}/{source}}. The body is
 * read and parsed here rather than by the JSON provider, so every malformed body gets an EdgeX 400
 * that says what is wrong (wrong JSON types included, see {@link EventJson}), and an oversize body
 * a 413, before anything is stored.
 */
@Path("/v3/event")
@ApplicationScoped
public class EventResource {
  private final EventIngestService ingest;
  private final int maxBodyBytes;

  @Inject
  public EventResource(
      EventIngestService ingest,
      @ConfigProperty(name = "setpoint.ingest.max-body-bytes", defaultValue = "262144")
          int maxBodyBytes) {
    this.ingest = ingest;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** For CDI's proxy only. */
  protected EventResource() {
    this(null, 0);
  }

  @POST
  @Path("/{serviceName}/{profileName}/{deviceName}/{sourceName}")
  @DeviceOrOperator(pathParam = "deviceName")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response add(
      @PathParam("serviceName") String serviceName,
      @PathParam("profileName") String profileName,
      @PathParam("deviceName") String deviceName,
      @PathParam("sourceName") String sourceName,
      InputStream body) {
    AddEventRequest request;
    try {
      request = EventJson.read(RequestBodies.json(body, maxBodyBytes));
    } catch (BadRequestBodyException e) {
      return EdgeXErrors.of(
          e.status(),
          null,
          e.status() == 400
              ? "request body is not a valid AddEventRequest: " + e.getMessage()
              : e.getMessage());
    } catch (InvalidEventException e) {
      return EdgeXErrors.of(
          400, null, "request body is not a valid AddEventRequest: " + e.getMessage());
    }
    String requestId = request == null ? null : request.requestId();
    try {
      String id =
          ingest.add(request, new EventPath(serviceName, profileName, deviceName, sourceName));
      return Response.status(201).entity(IdResponse.created(requestId, id)).build();
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
