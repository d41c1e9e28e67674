package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * HTTP calls against the deployed ingest WAR as the test operator (logged in at the local issuer on
 * first use), and the shapes EdgeX answers with.
 */
final class Api {
  // HTTP/1.1 as EdgeX clients speak it: the JDK client's default h2c upgrade multiplexes parallel
  // posts over one connection, which Liberty dropped (EOF) after 64 concurrent streams.
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String SERVICE = "setpoint-device-agent";

  private final URL url;
  private final URI base;
  private String operatorToken;

  Api(URL base) {
    this.url = base;
    try {
      this.base = base.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private synchronized String authorization() throws Exception {
    if (operatorToken == null) {
      operatorToken = OperatorLogin.token(url);
    }
    return "Bearer " + operatorToken;
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Authorization", authorization());
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return send("POST", path, "application/json", json);
  }

  static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static JsonArray array(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** Asserts an EdgeX error body: v3, the status repeated, a message. */
  static JsonObject assertError(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = object(response);
    assertEquals("v3", body.getString("apiVersion"), response.body());
    assertEquals(status, body.getInt("statusCode"), response.body());
    assertFalse(body.getString("message", "").isBlank(), response.body());
    return body;
  }

  /** Asserts a 207 batch answer with one item per request, each of the given status. */
  static JsonArray assertBatch(HttpResponse<String> response, int... statuses) {
    assertEquals(207, response.statusCode(), response.body());
    JsonArray items = array(response);
    assertEquals(statuses.length, items.size(), response.body());
    for (int i = 0; i < statuses.length; i++) {
      JsonObject item = items.getJsonObject(i);
      assertEquals(statuses[i], item.getInt("statusCode"), response.body());
      assertEquals("v3", item.getString("apiVersion"));
      if (statuses[i] == 201) {
        assertTrue(item.getString("id").matches("[0-9a-f-]{36}"), item.toString());
      } else if (statuses[i] >= 400) {
        assertFalse(item.getString("message", "").isBlank(), item.toString());
      }
    }
    return items;
  }

  /** An AddDeviceRequest array for one device of the given profile. */
  static String deviceRequest(String name, String profile, String adminState) {
    return """
        [{"apiVersion":"v3","requestId":"%s","device":{"name":"%s","description":"test device",
          "adminState":"%s","operatingState":"UP","serviceName":"%s","profileName":"%s",
          "labels":["it"],"location":{"room":"lab","rack":3},
          "protocols":{"http":{"host":"10.0.0.7","port":8080}},
          "autoEvents":[{"interval":"10s","onChange":false,"sourceName":"%s"}]}}]
        """
        .formatted(
            UUID.randomUUID(),
            name,
            adminState,
            SERVICE,
            profile,
            profile.equals("room-sensor") ? "climate" : "setpoint");
  }

  /** Registers a device (or finds it registered by an earlier run on the same data). */
  void registerDevice(String name, String profile) throws Exception {
    HttpResponse<String> response = post("api/v3/device", deviceRequest(name, profile, "UNLOCKED"));
    assertEquals(207, response.statusCode(), response.body());
    int status = array(response).getJsonObject(0).getInt("statusCode");
    assertTrue(status == 201 || status == 409, response.body());
  }

  static boolean isNull(JsonObject object, String key) {
    return !object.containsKey(key) || object.get(key).getValueType() == JsonValue.ValueType.NULL;
  }
}
