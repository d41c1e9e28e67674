package dev.setpoint.analytics.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON body of every error analytics' API answers.
 *
 * @param statusCode the HTTP status
 * @param message what is wrong, naming the field or parameter at fault
 * @param parameter the request parameter at fault, when one is
 */
public record ApiError(int statusCode, String message, String parameter) {

  static Response response(int status, String message, String parameter) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, message, parameter))
        .build();
  }
}
