package dev.setpoint.analytics.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error bodies of analytics' API: {@code {"error": message, "statusCode": n}}, plus {@code "input"}
 * naming the tensor at fault ({@code error} is the KServe v2 field name).
 */
final class Errors {
  private Errors() {}

  static Response of(int status, String message, String input) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("error", message).add("statusCode", status);
    if (input != null) {
      body.add("input", input);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.build()).build();
  }
}
