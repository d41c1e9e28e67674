package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class TensorsTest {
  private static String row(double value) {
    return "[" + String.join(",", Collections.nCopies(37, Double.toString(value))) + "]";
  }

  private static JsonObject json(String body) {
    return Tensors.object(body);
  }

  private static BadTensorException refused(Runnable call) {
    return assertThrows(BadTensorException.class, call::run);
  }

  @Test
  void aKServeTensorReadsFlatOrNested() {
    String flat = row(1).substring(1, row(1).length() - 1);
    Tensors.Batch a =
        Tensors.kserve(
            json(
                """
                {"inputs":[{"name":"features","shape":[2,37],"datatype":"FP32","data":[%s,%s]}]}
                """
                    .formatted(flat, flat)));
    Tensors.Batch b =
        Tensors.kserve(
            json(
                """
                {"inputs":[{"name":"features","shape":[2,37],"datatype":"FP32","data":[%s,%s]}],
                 "outputs":[{"name":"inlet_temperature"}]}
                """
                    .formatted(row(2), row(2))));
    assertEquals(2, a.rows());
    assertEquals(74, a.values().length);
    assertEquals(1f, a.values()[73]);
    assertEquals(2f, b.values()[0]);
  }

  @Test
  void kserveRefusalsNameTheInput() {
    assertEquals(
        "featurez",
        refused(
                () ->
                    Tensors.kserve(
                        json(
                            "{\"inputs\":[{\"name\":\"featurez\",\"shape\":[1,37],"
                                + "\"datatype\":\"FP32\",\"data\":"
                                + row(1)
                                + "}]}")))
            .input());
    BadTensorException shape =
        refused(
            () ->
                Tensors.kserve(
                    json(
                        "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,36],"
                            + "\"datatype\":\"FP32\",\"data\":"
                            + row(1)
                            + "}]}")));
    assertEquals("features", shape.input());
    assertEquals(
        "input 'features' must have shape [N, 37] with 1 ≤ N ≤ 4096, got [1,36]",
        shape.getMessage());
    BadTensorException type =
        refused(
            () ->
                Tensors.kserve(
                    json(
                        "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,37],"
                            + "\"datatype\":\"INT64\",\"data\":"
                            + row(1)
                            + "}]}")));
    assertEquals("input 'features' must have datatype FP32, not INT64", type.getMessage());
    BadTensorException count =
        refused(
            () ->
                Tensors.kserve(
                    json(
                        "{\"inputs\":[{\"name\":\"features\",\"shape\":[2,37],"
                            + "\"datatype\":\"FP32\",\"data\":"
                            + row(1)
                            + "}]}")));
    assertEquals("input 'features' has 37 values, its shape [2,37] needs 74", count.getMessage());
    assertEquals(
        "inlet",
        refused(
                () ->
                    Tensors.kserve(
                        json(
                            "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,37],"
                                + "\"datatype\":\"FP32\",\"data\":"
                                + row(1)
                                + "}],\"outputs\":[{\"name\":\"inlet\"}]}")))
            .input());
  }

  @Test
  void tensorflowRowsAndColumnsRead() {
    assertEquals(
        2,
        Tensors.tensorflow(json("{\"instances\":[" + row(1) + "," + row(2) + "]}"), "instances")
            .rows());
    assertEquals(
        1,
        Tensors.tensorflow(json("{\"instances\":[{\"features\":" + row(1) + "}]}"), "instances")
            .rows());
    assertEquals(
        1,
        Tensors.tensorflow(json("{\"inputs\":{\"features\":[" + row(1) + "]}}"), "inputs").rows());
    assertEquals(
        3f, Tensors.tensorflow(json("{\"inputs\":[" + row(3) + "]}"), "inputs").values()[36]);
  }

  @Test
  void tensorflowRefusalsNameTheInput() {
    BadTensorException shortRow =
        refused(() -> Tensors.tensorflow(json("{\"instances\":[[1,2,3]]}"), "instances"));
    assertEquals("features", shortRow.input());
    assertEquals(
        "input 'features' row 0 must be 37 numbers (shape [N, 37])", shortRow.getMessage());
    assertEquals(
        "x",
        refused(() -> Tensors.tensorflow(json("{\"inputs\":{\"x\":[" + row(1) + "]}}"), "inputs"))
            .input());
    String text = row(1).replaceFirst("1.0", "\"hot\"");
    assertEquals(
        "input 'features' row 0 column 0 is not a number",
        refused(() -> Tensors.tensorflow(json("{\"instances\":[" + text + "]}"), "instances"))
            .getMessage());
    assertEquals(null, refused(() -> Tensors.object("{not json")).input());
  }
}
