package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.contracts.security.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The server half of the KServe v2 (Open Inference Protocol) REST API, which clients check before
 * the model: server metadata, liveness and readiness. Public, like the model's metadata: they
 * describe the server, no data. The server is ready when its one model is loaded.
 */
@Path("/v2")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class KServeServerResource {
  /** The server's name in its metadata. */
  static final String SERVER = "setpoint-analytics";

  /** The protocol version this server speaks, given as its version. */
  static final String VERSION = "2";

  private final SetpointModel model;

  @Inject
  public KServeServerResource(SetpointModel model) {
    this.model = model;
  }

  /** For CDI's proxy only. */
  protected KServeServerResource() {
    this.model = null;
  }

  @GET
  @Public
  public JsonObject metadata() {
    return Json.createObjectBuilder()
        .add("name", SERVER)
        .add("version", VERSION)
        .add("extensions", Json.createArrayBuilder())
        .build();
  }

  /** Answering at all is being live. */
  @GET
  @Path("health/live")
  @Public
  public JsonObject live() {
    return Json.createObjectBuilder().add("live", true).build();
  }

  /** 200 once the model is loaded; 503 while it is not (no model file, or it failed to load). */
  @GET
  @Path("health/ready")
  @Public
  public Response ready() {
    boolean ready = model.info().isPresent();
    return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(Json.createObjectBuilder().add("ready", ready).build())
        .build();
  }
}
