package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.domain.InvalidModelException;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The served model for operators: {@code GET /api/v1/model} (public: version, metadata, and the
 * heads the load checked: {@code lookAhead} with its output and horizons, {@code powerHead} with
 * its output and horizon, each absent when the model has none; the file it came from, {@code
 * source}, and why none is served only to a caller with a valid JWT, as they name paths) and {@code
 * POST /api/v1/model/reload} (operator JWT), which loads the configured file now rather than at the
 * next poll, and audits the reload. An invalid file is refused with 422 and the current model
 * stays.
 */
@Path("/v1/model")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
  private static final Logger LOG = Logger.getLogger(ModelResource.class.getName());

  private final SetpointModel model;
  private final AuditTrail audit;

  @Inject
  public ModelResource(SetpointModel model, AuditTrail audit) {
    this.model = model;
    this.audit = audit;
  }

  /** For CDI's proxy only. */
  protected ModelResource() {
    this.model = null;
    this.audit = null;
  }

  @GET
  @Public
  public Response current(@Context SecurityContext security) {
    boolean person = security.getUserPrincipal() instanceof JsonWebToken;
    return model
        .info()
        .map(info -> Response.ok(json(info, person)).build())
        .orElseGet(
            () ->
                Errors.of(
                    503,
                    person
                        ? "no model is served: " + model.lastError().orElse("?")
                        : "no model is served",
                    null));
  }

  @POST
  @Path("reload")
  @Requires(Role.ADMIN)
  public Response reload(@Context SecurityContext security, @Context HttpServletRequest http) {
    ModelInfo before = model.info().orElse(null);
    try {
      ModelInfo info = model.reload();
      LOG.info("an operator reloaded the model: " + info.version());
      audit.modelReloaded(AuditActors.of(security, http), before, info);
      return Response.ok(json(info, true)).build();
    } catch (InvalidModelException e) {
      return Errors.of(422, "the model file was not loaded: " + e.getMessage(), null);
    }
  }

  /** The model's description; its {@code source} (a path) only when {@code withSource}. */
  static JsonObject json(ModelInfo info, boolean withSource) {
    JsonObjectBuilder metadata = Json.createObjectBuilder();
    info.metadata().forEach(metadata::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("name", SetpointModel.NAME)
            .add("version", info.version())
            .add("loadedAt", info.loadedAt().toString())
            .add("input", info.input())
            .add("output", info.output())
            .add("features", info.features())
            .add("metadata", metadata);
    if (withSource) {
      json.add("source", info.source());
    }
    info.lookAhead()
        .ifPresent(
            l -> {
              JsonArrayBuilder horizons = Json.createArrayBuilder();
              l.horizons().forEach(h -> horizons.add(h.toSeconds()));
              json.add(
                  "lookAhead",
                  Json.createObjectBuilder()
                      .add("output", l.output())
                      .add("horizonsSeconds", horizons));
            });
    info.powerHead()
        .ifPresent(
            p ->
                json.add(
                    "powerHead",
                    Json.createObjectBuilder()
                        .add("output", p.output())
                        .add("horizonSeconds", p.horizon().toSeconds())));
    return json.build();
  }
}
