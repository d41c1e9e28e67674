package dev.setpoint.analytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The KServe v2 and TensorFlow Serving predict APIs of the built WAR on Liberty. */
@ExtendWith(ArquillianExtension.class)
class PredictApiIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  static HttpResponse<String> send(String method, URL base, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** One row of 37 features: a settled room at {@code inlet} held at 22 °C, candidate {@code c}. */
  static String row(double inlet, double candidate) {
    StringBuilder row = new StringBuilder("[");
    for (int s = 0; s < 6; s++) {
      row.append(inlet).append(",45,25,70,1,22,");
    }
    return row.append(candidate).append("]").toString();
  }

  private HttpResponse<String> infer(String body, String token) throws Exception {
    return send("POST", base, "/api/v2/models/setpoint-thermal/infer", body, token);
  }

  private HttpResponse<String> predict(String body, String token) throws Exception {
    return send("POST", base, "/api/v1/models/setpoint-thermal:predict", body, token);
  }

  @Test
  void metadataAndReadinessArePublic() throws Exception {
    HttpResponse<String> metadata =
        send("GET", base, "/api/v2/models/setpoint-thermal", null, null);
    assertEquals(200, metadata.statusCode(), metadata.body());
    JsonObject m = json(metadata);
    assertEquals("setpoint-thermal", m.getString("name"));
    assertEquals("onnxruntime_onnx", m.getString("platform"));
    assertEquals("features", m.getJsonArray("inputs").getJsonObject(0).getString("name"));
    assertEquals(
        "[-1,37]", m.getJsonArray("inputs").getJsonObject(0).getJsonArray("shape").toString());
    assertEquals("inlet_temperature", m.getJsonArray("outputs").getJsonObject(0).getString("name"));
    assertTrue(m.getJsonArray("versions").getString(0).startsWith("thermal-ridge-"));

    assertEquals(
        200, send("GET", base, "/api/v2/models/setpoint-thermal/ready", null, null).statusCode());
    HttpResponse<String> unknown = send("GET", base, "/api/v2/models/other/ready", null, null);
    assertEquals(404, unknown.statusCode());
    assertTrue(json(unknown).getString("error").contains("unknown model 'other'"));
  }

  @Test
  void theServerAnswersKServesServerMetadataAndHealthWithoutAToken() throws Exception {
    HttpResponse<String> metadata = send("GET", base, "/api/v2", null, null);
    assertEquals(200, metadata.statusCode(), metadata.body());
    assertEquals("setpoint-analytics", json(metadata).getString("name"));
    assertEquals("2", json(metadata).getString("version"));
    assertEquals(0, json(metadata).getJsonArray("extensions").size());

    HttpResponse<String> live = send("GET", base, "/api/v2/health/live", null, null);
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(json(live).getBoolean("live"));

    HttpResponse<String> ready = send("GET", base, "/api/v2/health/ready", null, null);
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(json(ready).getBoolean("ready"));
  }

  @Test
  void kserveAndTensorFlowFormsAnswerTheSamePredictions() throws Exception {
    String token = OperatorTokens.operator();
    String rows = row(24, 20) + "," + row(24, 26);
    HttpResponse<String> kserve =
        infer(
            """
            {"id":"r1","inputs":[{"name":"features","shape":[2,37],"datatype":"FP32",
              "data":[%s]}]}
            """
                .formatted(rows),
            token);
    assertEquals(200, kserve.statusCode(), kserve.body());
    JsonObject k = json(kserve);
    assertEquals("r1", k.getString("id"));
    JsonObject output = k.getJsonArray("outputs").getJsonObject(0);
    assertEquals("inlet_temperature", output.getString("name"));
    assertEquals("[2,1]", output.getJsonArray("shape").toString());
    JsonArray data = output.getJsonArray("data");
    assertEquals(2, data.size());
    double low = data.getJsonNumber(0).doubleValue();
    double high = data.getJsonNumber(1).doubleValue();
    assertTrue(low < high, "a higher candidate setpoint predicts a warmer inlet: " + data);
    assertTrue(low > 15 && high < 35, data.toString());

    HttpResponse<String> instances = predict("{\"instances\":[" + rows + "]}", token);
    assertEquals(200, instances.statusCode(), instances.body());
    JsonArray predictions = json(instances).getJsonArray("predictions");
    assertEquals(2, predictions.size());
    assertEquals(low, predictions.getJsonArray(0).getJsonNumber(0).doubleValue(), 1e-6);
    assertEquals(high, predictions.getJsonArray(1).getJsonNumber(0).doubleValue(), 1e-6);

    HttpResponse<String> inputs = predict("{\"inputs\":{\"features\":[" + rows + "]}}", token);
    assertEquals(200, inputs.statusCode(), inputs.body());
    JsonArray outputs = json(inputs).getJsonArray("outputs");
    assertEquals(2, outputs.size());
    assertEquals(high, outputs.getJsonArray(1).getJsonNumber(0).doubleValue(), 1e-6);
  }

  @Test
  void wrongShapesTypesAndNamesAre400NamingTheInput() throws Exception {
    String token = OperatorTokens.operator();
    String shortRow = "[" + String.join(",", Collections.nCopies(36, "1")) + "]";

    HttpResponse<String> shape =
        infer(
            """
            {"inputs":[{"name":"features","shape":[1,36],"datatype":"FP32","data":%s}]}
            """
                .formatted(shortRow),
            token);
    assertEquals(400, shape.statusCode(), shape.body());
    assertEquals("features", json(shape).getString("input"));
    assertTrue(json(shape).getString("error").contains("shape [N, 37]"));

    HttpResponse<String> type =
        infer(
            """
            {"inputs":[{"name":"features","shape":[1,37],"datatype":"BYTES","data":%s}]}
            """
                .formatted(row(24, 22)),
            token);
    assertEquals(400, type.statusCode(), type.body());
    assertTrue(json(type).getString("error").contains("datatype FP32"));

    HttpResponse<String> name =
        infer(
            """
            {"inputs":[{"name":"x","shape":[1,37],"datatype":"FP32","data":%s}]}
            """
                .formatted(row(24, 22)),
            token);
    assertEquals(400, name.statusCode(), name.body());
    assertEquals("x", json(name).getString("input"));

    HttpResponse<String> tfShape = predict("{\"instances\":[" + shortRow + "]}", token);
    assertEquals(400, tfShape.statusCode(), tfShape.body());
    assertEquals("features", json(tfShape).getString("input"));
    assertEquals(
        "input 'features' row 0 must be 37 numbers (shape [N, 37])",
        json(tfShape).getString("error"));

    HttpResponse<String> tfType =
        predict("{\"instances\":[" + row(24, 22).replaceFirst("24.0", "\"warm\"") + "]}", token);
    assertEquals(400, tfType.statusCode(), tfType.body());
    assertTrue(json(tfType).getString("error").contains("is not a number"));

    HttpResponse<String> notJson = predict("{instances", token);
    assertEquals(400, notJson.statusCode(), notJson.body());
    assertTrue(json(notJson).getString("error").contains("not valid JSON"));
  }

  /** The token with one character of its signature changed (not appended: decoders drop that). */
  private static String forge(String jwt) {
    int at = jwt.length() - 20;
    char c = jwt.charAt(at);
    return jwt.substring(0, at) + (c == 'A' ? 'B' : 'A') + jwt.substring(at + 1);
  }

  @Test
  void inferenceNeedsAnOperatorJwt() throws Exception {
    String body = "{\"instances\":[" + row(24, 22) + "]}";
    HttpResponse<String> none = predict(body, null);
    assertEquals(401, none.statusCode(), none.body());
    HttpResponse<String> forged = predict(body, forge(OperatorTokens.operator()));
    assertEquals(401, forged.statusCode(), forged.body());
    HttpResponse<String> device = predict(body, OperatorTokens.token("device"));
    assertEquals(403, device.statusCode(), device.body());
  }
}
