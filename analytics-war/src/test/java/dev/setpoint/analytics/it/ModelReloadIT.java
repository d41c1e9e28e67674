package dev.setpoint.analytics.it;

import static dev.setpoint.analytics.it.PredictApiIT.json;
import static dev.setpoint.analytics.it.PredictApiIT.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model file the server is configured with (SETPOINT_ANALYTICS_MODEL_PATH, polled every 300 ms;
 * see the POM) is replaced: a valid new model is picked up without a restart, an invalid one is
 * refused and the served model stays, and the admin's reload endpoint does the same at once.
 */
@ExtendWith(ArquillianExtension.class)
class ModelReloadIT {
  private static final Path MODEL = Path.of(System.getProperty("setpoint.it.model.path"));
  private static final Path BOOTSTRAP = Path.of("../model/bootstrap/setpoint-thermal.onnx");

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  @AfterEach
  void restore() throws Exception {
    replace(Files.readAllBytes(BOOTSTRAP));
    assertEquals(
        200, send("POST", base, "/api/v1/model/reload", null, OperatorTokens.admin()).statusCode());
  }

  /** Replaces the file atomically, as a deployment should, so the poll never reads half a file. */
  private static void replace(byte[] bytes) throws Exception {
    Path next = MODEL.resolveSibling("next.onnx");
    Files.write(next, bytes);
    Files.move(next, MODEL, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The bootstrap model with one string replaced by another of the same length. */
  private static byte[] bootstrapWith(String from, String to) throws Exception {
    byte[] bytes = Files.readAllBytes(BOOTSTRAP);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertTrue(text.contains(from), from);
    return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }

  private String version() throws Exception {
    HttpResponse<String> model = send("GET", base, "/api/v1/model", null, null);
    assertEquals(200, model.statusCode(), model.body());
    return json(model).getString("version");
  }

  private JsonObject startedCheck() throws Exception {
    URL root = new URL(base.getProtocol(), base.getHost(), base.getPort(), "/");
    JsonObject health = json(send("GET", root, "/health/started", null, null));
    for (JsonValue check : health.getJsonArray("checks")) {
      if ("analytics-model".equals(check.asJsonObject().getString("name"))) {
        return check.asJsonObject();
      }
    }
    throw new AssertionError("no analytics-model check: " + health);
  }

  @Test
  void aNewModelFileIsServedWithoutARestartAndItsVersionShows() throws Exception {
    String original = version();
    assertTrue(original.startsWith("thermal-ridge-"), original);
    // the path only to a caller with a JWT; an anonymous one learns the version, not the file
    assertEquals(
        MODEL.toString(),
        json(send("GET", base, "/api/v1/model", null, OperatorTokens.admin())).getString("source"));
    assertFalse(json(send("GET", base, "/api/v1/model", null, null)).containsKey("source"));
    String next = "thermal-ridge-" + "0".repeat(original.length() - "thermal-ridge-".length());

    replace(bootstrapWith(original, next));

    await().atMost(Duration.ofSeconds(20)).until(() -> next.equals(version()));
    JsonObject check = startedCheck();
    assertEquals("UP", check.getString("status"));
    assertEquals(next, check.getJsonObject("data").getString("version"));
    HttpResponse<String> metrics =
        send(
            "GET",
            new URL(base.getProtocol(), base.getHost(), base.getPort(), "/"),
            "/metrics?scope=application",
            null,
            null);
    assertTrue(metrics.body().contains("version=\"" + next + "\""), metrics.body());
  }

  @Test
  void anInvalidModelIsRefusedAndTheServedOneStays() throws Exception {
    String original = version();
    replace(bootstrapWith("features", "featurez"));

    HttpResponse<String> reload =
        send("POST", base, "/api/v1/model/reload", null, OperatorTokens.admin());

    assertEquals(422, reload.statusCode(), reload.body());
    assertTrue(json(reload).getString("error").contains("input 'features'"), reload.body());
    assertEquals(original, version());
    JsonObject check = startedCheck();
    assertEquals("UP", check.getString("status"));
    // anyone may read /health: the reason, not the error (which names the file; it is logged)
    assertEquals("rejected", check.getJsonObject("data").getString("reason"), check.toString());
    assertFalse(check.toString().contains("featurez"), check.toString());
    assertFalse(check.toString().contains(MODEL.getFileName().toString()), check.toString());
    HttpResponse<String> predict =
        send(
            "POST",
            base,
            "/api/v1/models/setpoint-thermal:predict",
            "{\"instances\":[" + PredictApiIT.row(24, 22) + "]}",
            OperatorTokens.operator());
    assertEquals(200, predict.statusCode(), predict.body());
  }

  @Test
  void reloadIsForAdminsOnly() throws Exception {
    assertEquals(401, send("POST", base, "/api/v1/model/reload", null, null).statusCode());
    assertEquals(
        403,
        send("POST", base, "/api/v1/model/reload", null, OperatorTokens.token("device"))
            .statusCode());
    HttpResponse<String> operator =
        send("POST", base, "/api/v1/model/reload", null, OperatorTokens.operator());
    assertEquals(403, operator.statusCode(), operator.body());
    assertTrue(json(operator).getString("message").contains("'admin'"), operator.body());
  }
}
