package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.domain.SetpointModel;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * TensorFlow Serving's REST predict API, the form the report's client used, answered by ONNX
 * Runtime: {@code {"instances": …}} gives {@code {"predictions": …}}, {@code {"inputs": …}} gives
 * {@code {"outputs": …}}; each prediction is {@code [inlet °C]} (the output's [N, 1] shape).
 * Operators only, as the KServe inference.
 */
@Path("/v1/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TensorFlowServingResource {
  private final SetpointModel model;

  @Inject
  public TensorFlowServingResource(SetpointModel model) {
    this.model = model;
  }

  /** For CDI's proxy only. */
  protected TensorFlowServingResource() {
    this.model = null;
  }

  @POST
  @Path("{name}:predict")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response predict(@PathParam("name") String name, String body) {
    Optional<Response> unknown = KServeResource.unknown(name);
    if (unknown.isPresent()) {
      return unknown.get();
    }
    JsonObject request = Tensors.object(body);
    boolean rows = request.containsKey("instances");
    if (rows == request.containsKey("inputs")) {
      throw new BadTensorException(
          Tensors.INPUT, "the request needs exactly one of 'instances' (rows) or 'inputs'");
    }
    Tensors.Batch batch = Tensors.tensorflow(request, rows ? "instances" : "inputs");
    float[] predictions = model.predict(batch.values(), batch.rows());
    return Response.ok(
            Json.createObjectBuilder()
                .add(rows ? "predictions" : "outputs", Tensors.nested(predictions))
                .build())
        .build();
  }
}
