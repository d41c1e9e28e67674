package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.BaseResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * EdgeX's batch posts. As EdgeX does, the whole array is read and checked against the contract
 * first ({@link MetadataBatchReader}, with {@link #elements}): one malformed or invalid element
 * makes the whole request a 400 naming it ({@code [2].device.name is required}) and nothing is
 * stored. Then ({@link #answer}) each element is applied on its own and answered in a 207 list, in
 * order: 201 with its id, or its own 404 (unknown service or profile) or 409 (duplicate name).
 */
final class Batches {
  /** More elements than this in one request is refused (413) rather than worked through. */
  static final int MAX_ELEMENTS = 100;

  private Batches() {}

  /**
   * The elements of a batch body, each parsed and checked; the first fault refuses the whole body.
   *
   * @param body the parsed request body
   * @param what what the array holds, for messages (e.g. {@code AddDeviceRequest})
   * @param check parses and checks one element given its path ({@code [i]}); throws on a fault
   * @throws BadRequestBodyException not an array, empty, or too many elements
   */
  static <R> List<R> elements(JsonValue body, String what, BiFunction<JsonValue, String, R> check) {
    if (body.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadRequestBodyException(
          400, "request body must be a JSON array of " + what + ", was " + kind(body));
    }
    JsonArray array = body.asJsonArray();
    if (array.isEmpty()) {
      throw new BadRequestBodyException(400, "request body must hold at least one " + what);
    }
    if (array.size() > MAX_ELEMENTS) {
      throw new BadRequestBodyException(
          413, "request body holds " + array.size() + " requests, at most " + MAX_ELEMENTS);
    }
    List<R> requests = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      requests.add(check.apply(array.get(i), "[" + i + "]"));
    }
    return requests;
  }

  /**
   * Applies each checked element on its own and answers the 207 list.
   *
   * @param batch the checked elements
   * @param requestId the element's requestId
   * @param apply applies one checked element and returns its success response
   */
  static <R> Response answer(
      MetadataBatch<R> batch, Function<R, String> requestId, Function<R, Object> apply) {
    List<Object> results = new ArrayList<>(batch.requests().size());
    for (R request : batch.requests()) {
      try {
        results.add(apply.apply(request));
      } catch (RuntimeException e) {
        OptionalInt status = MetadataResponses.status(e);
        if (status.isEmpty()) {
          throw e;
        }
        results.add(
            BaseResponse.error(
                requestId.apply(request),
                status.getAsInt(),
                MetadataResponses.message(e, status.getAsInt())));
      }
    }
    return Response.status(207).entity(results).build();
  }

  private static String kind(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
