package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.infrastructure.inference.OnnxSetpointModel;
import dev.setpoint.model.features.FeatureLayout;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * Reads the predict APIs' JSON tensors into the model's {@code [N, 37]} float rows, and writes its
 * {@code [N, 1]} answers. Every refusal names the input at fault.
 */
final class Tensors {
  static final String INPUT = OnnxSetpointModel.INPUT;
  static final String OUTPUT = OnnxSetpointModel.OUTPUT;
  static final int COLUMNS = FeatureLayout.FEATURES;

  /** The most rows one request may carry. */
  static final int MAX_ROWS = 4096;

  /** Rows of the model's input, row-major. */
  record Batch(float[] values, int rows) {}

  private Tensors() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new BadTensorException(null, "the request body is empty; a JSON object is required");
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadTensorException(null, "the request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new BadTensorException(null, "the request body is not valid JSON: " + e.getMessage());
    }
  }

  /** A KServe v2 inference request: one input {@code features}, FP32, shape [N, 37]. */
  static Batch kserve(JsonObject request) {
    JsonValue inputs = request.get("inputs");
    if (!(inputs instanceof JsonArray list) || list.size() != 1) {
      throw new BadTensorException(
          INPUT, "'inputs' must be an array of exactly one tensor, '" + INPUT + "'");
    }
    if (!(list.get(0) instanceof JsonObject tensor)) {
      throw new BadTensorException(INPUT, "'inputs[0]' must be a tensor object");
    }
    String name = tensor.getString("name", null);
    if (!INPUT.equals(name)) {
      throw new BadTensorException(
          name, "unknown input '" + name + "'; the model's only input is '" + INPUT + "'");
    }
    String datatype = tensor.getString("datatype", null);
    if (!"FP32".equals(datatype)) {
      throw new BadTensorException(
          INPUT, "input '" + INPUT + "' must have datatype FP32, not " + datatype);
    }
    JsonValue shapeValue = tensor.get("shape");
    if (!(shapeValue instanceof JsonArray shape)
        || shape.size() != 2
        || !(shape.get(0) instanceof JsonNumber n)
        || !(shape.get(1) instanceof JsonNumber c)
        || !n.isIntegral()
        || !c.isIntegral()
        || n.longValue() < 1
        || n.longValue() > MAX_ROWS
        || c.longValue() != COLUMNS) {
      throw new BadTensorException(
          INPUT,
          "input '"
              + INPUT
              + "' must have shape [N, "
              + COLUMNS
              + "] with 1 ≤ N ≤ "
              + MAX_ROWS
              + ", got "
              + shapeValue);
    }
    int rows = n.intValue();
    JsonValue data = tensor.get("data");
    if (!(data instanceof JsonArray array)) {
      throw new BadTensorException(INPUT, "input '" + INPUT + "' needs 'data', an array");
    }
    float[] values = new float[rows * COLUMNS];
    int count = flatten(array, values, 0, 0);
    if (count != values.length) {
      throw new BadTensorException(
          INPUT,
          "input '"
              + INPUT
              + "' has "
              + count
              + " values, its shape "
              + shapeValue
              + " needs "
              + values.length);
    }
    JsonValue outputs = request.get("outputs");
    if (outputs instanceof JsonArray wanted) {
      for (JsonValue o : wanted) {
        String out = o instanceof JsonObject obj ? obj.getString("name", null) : null;
        if (!OUTPUT.equals(out)) {
          throw new BadTensorException(
              out, "unknown output '" + out + "'; the model's only output is '" + OUTPUT + "'");
        }
      }
    }
    return new Batch(values, rows);
  }

  /** Flattens nested arrays of numbers into {@code target}; returns how many values it saw. */
  private static int flatten(JsonArray array, float[] target, int at, int depth) {
    if (depth > 2) {
      throw new BadTensorException(INPUT, "input '" + INPUT + "' data is nested too deep");
    }
    for (JsonValue v : array) {
      if (v instanceof JsonArray inner) {
        at = flatten(inner, target, at, depth + 1);
      } else if (v instanceof JsonNumber number) {
        if (at < target.length) {
          target[at] = (float) number.doubleValue();
        }
        at++; // counts past the end too, so the caller reports the real count
      } else {
        throw new BadTensorException(
            INPUT, "input '" + INPUT + "' must hold numbers (FP32), found " + v.getValueType());
      }
    }
    return at;
  }

  /**
   * TensorFlow Serving's request: {@code {"instances": [row, …]}} (row format; a row is 37 numbers
   * or {@code {"features": [37 numbers]}}) or {@code {"inputs": [row, …]}} / {@code {"inputs":
   * {"features": [row, …]}}} (columnar format).
   */
  static Batch tensorflow(JsonObject request, String key) {
    JsonValue body = request.get(key);
    JsonArray rows;
    if (body instanceof JsonArray array) {
      rows = array;
    } else if (body instanceof JsonObject named && "inputs".equals(key)) {
      for (String name : named.keySet()) {
        if (!INPUT.equals(name)) {
          throw new BadTensorException(
              name, "unknown input '" + name + "'; the model's only input is '" + INPUT + "'");
        }
      }
      if (!(named.get(INPUT) instanceof JsonArray array)) {
        throw new BadTensorException(INPUT, "input '" + INPUT + "' must be an array of rows");
      }
      rows = array;
    } else {
      throw new BadTensorException(INPUT, "'" + key + "' must be an array of rows");
    }
    if (rows.isEmpty() || rows.size() > MAX_ROWS) {
      throw new BadTensorException(
          INPUT, "input '" + INPUT + "' must have 1 to " + MAX_ROWS + " rows, got " + rows.size());
    }
    float[] values = new float[rows.size() * COLUMNS];
    for (int r = 0; r < rows.size(); r++) {
      JsonValue row = rows.get(r);
      if (row instanceof JsonObject instance) {
        for (String name : instance.keySet()) {
          if (!INPUT.equals(name)) {
            throw new BadTensorException(
                name, "unknown input '" + name + "'; the model's only input is '" + INPUT + "'");
          }
        }
        row = instance.get(INPUT);
      }
      if (!(row instanceof JsonArray numbers) || numbers.size() != COLUMNS) {
        throw new BadTensorException(
            INPUT,
            "input '"
                + INPUT
                + "' row "
                + r
                + " must be "
                + COLUMNS
                + " numbers (shape [N, "
                + COLUMNS
                + "])");
      }
      for (int c = 0; c < COLUMNS; c++) {
        if (!(numbers.get(c) instanceof JsonNumber number)) {
          throw new BadTensorException(
              INPUT, "input '" + INPUT + "' row " + r + " column " + c + " is not a number");
        }
        values[r * COLUMNS + c] = (float) number.doubleValue();
      }
    }
    return new Batch(values, rows.size());
  }

  /** {@code [[p0], [p1], …]}: the output's [N, 1] shape as nested arrays. */
  static JsonArray nested(float[] predictions) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (float p : predictions) {
      rows.add(Json.createArrayBuilder().add((double) p));
    }
    return rows.build();
  }

  /** The flat data array of a KServe v2 output. */
  static JsonArray flat(float[] predictions) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (float p : predictions) {
      data.add((double) p);
    }
    return data.build();
  }

  static JsonArray shape(long... dims) {
    JsonArrayBuilder shape = Json.createArrayBuilder();
    for (long d : dims) {
      shape.add(d);
    }
    return shape.build();
  }
}
