package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The KServe v2 (Open Inference Protocol) REST API for the thermal model, served by ONNX Runtime:
 * model metadata and readiness (public: they describe the interface, no data), and inference
 * (operators only: it runs the model on the caller's data and costs CPU).
 */
@Path("/v2/models/{name}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class KServeResource {
  private final SetpointModel model;

  @Inject
  public KServeResource(SetpointModel model) {
    this.model = model;
  }

  /** For CDI's proxy only. */
  protected KServeResource() {
    this.model = null;
  }

  @GET
  @Public
  public Response metadata(@PathParam("name") String name) {
    Optional<Response> unknown = unknown(name);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("name", SetpointModel.NAME)
            .add("platform", "onnxruntime_onnx")
            .add(
                "inputs",
                Json.createArrayBuilder()
                    .add(tensor(Tensors.INPUT, Tensors.shape(-1, Tensors.COLUMNS))))
            .add(
                "outputs",
                Json.createArrayBuilder().add(tensor(Tensors.OUTPUT, Tensors.shape(-1, 1))));
    Optional<ModelInfo> info = model.info();
    body.add(
        "versions",
        info.isPresent()
            ? Json.createArrayBuilder().add(info.get().version())
            : Json.createArrayBuilder());
    return Response.ok(body.build()).build();
  }

  @GET
  @Path("ready")
  @Public
  public Response ready(@PathParam("name") String name) {
    Optional<Response> unknown = unknown(name);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    boolean ready = model.info().isPresent();
    return Response.status(ready ? 200 : 503)
        .entity(
            Json.createObjectBuilder().add("name", SetpointModel.NAME).add("ready", ready).build())
        .build();
  }

  @POST
  @Path("infer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response infer(@PathParam("name") String name, String body) {
    Optional<Response> unknown = unknown(name);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    JsonObject request = Tensors.object(body);
    Tensors.Batch batch = Tensors.kserve(request);
    float[] predictions = model.predict(batch.values(), batch.rows());
    JsonObjectBuilder response =
        Json.createObjectBuilder()
            .add("model_name", SetpointModel.NAME)
            .add("model_version", model.info().map(ModelInfo::version).orElse(""))
            .add(
                "outputs",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", Tensors.OUTPUT)
                            .add("datatype", "FP32")
                            .add("shape", Tensors.shape(batch.rows(), 1))
                            .add("data", Tensors.flat(predictions))));
    if (request.containsKey("id")
        && request.get("id").getValueType() == JsonObject.ValueType.STRING) {
      response.add("id", request.getString("id"));
    }
    return Response.ok(response.build()).build();
  }

  private static JsonObjectBuilder tensor(String name, jakarta.json.JsonArray shape) {
    return Json.createObjectBuilder().add("name", name).add("datatype", "FP32").add("shape", shape);
  }

  static Optional<Response> unknown(String name) {
    if (SetpointModel.NAME.equals(name)) {
      return Optional.empty();
    }
    return Optional.of(
        Errors.of(
            404,
            "unknown model '" + name + "'; this server serves '" + SetpointModel.NAME + "'",
            null));
  }
}
