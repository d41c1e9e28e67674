package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built ingest WAR on Liberty, storing into the real edge buffer. Events come from devices of
 * the shipped room-sensor profile, registered through Core Metadata first.
 */
@ExtendWith(ArquillianExtension.class)
class EventApiIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static MongoClient mongo;
  private static EdgeLogView events;
  private static String operatorToken;

  private static boolean registered;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    events = new EdgeLogView(mongo.getDatabase("setpoint"));
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
  }

  @BeforeEach
  void registerDevices() throws Exception {
    if (!registered) {
      Api api = new Api(base);
      for (int i = 1; i <= 6; i++) {
        api.registerDevice("rack-it-" + i, "room-sensor");
      }
      registered = true;
    }
  }

  private static String body(String id, String device, String value) {
    return """
        {"apiVersion":"v3","requestId":"r-1","event":{"apiVersion":"v3","id":"%s",
         "deviceName":"%s","profileName":"room-sensor","sourceName":"climate",
         "origin":1764316800000000000,"readings":[
          {"origin":1764316800000000000,"deviceName":"%s","resourceName":"temperature",
           "profileName":"room-sensor","valueType":"Float64","value":"%s"},
          {"origin":1764316800000000000,"deviceName":"%s","resourceName":"humidity",
           "profileName":"room-sensor","valueType":"Float64","value":"41.5"}]}}
        """
        .formatted(id, device, device, value, device);
  }

  /** An operator may post for any device; device tokens are tested in SecurityIT. */
  private String operatorToken() throws Exception {
    if (operatorToken == null) {
      operatorToken = OperatorLogin.token(base);
    }
    return operatorToken;
  }

  private HttpResponse<String> post(String device, String json) throws Exception {
    URI uri =
        base.toURI().resolve("api/v3/event/" + Api.SERVICE + "/room-sensor/" + device + "/climate");
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + operatorToken())
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Test
  void storesAValidEventAsPendingBeforeAnswering201() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response = post("rack-it-1", body(id, "rack-it-1", "2.130000e+01"));

    assertEquals(201, response.statusCode(), response.body());
    assertEquals(id, json(response).getString("id"));
    assertEquals(201, json(response).getInt("statusCode"));
    assertEquals("r-1", json(response).getString("requestId"));
    assertTrue(response.headers().firstValue("X-Correlation-ID").isPresent());

    Document stored = events.event(id);
    assertNotNull(stored, "event stored before the 201");
    assertFalse(
        stored.containsKey("state"), "no state: the relay's cursor tells what is forwarded");
    assertEquals("rack-it-1", stored.getString("deviceName"));
    assertEquals(2, stored.getList("readings", Document.class).size());
  }

  @Test
  void theSameEventIdIsStoredOnce() throws Exception {
    String id = UUID.randomUUID().toString();
    assertEquals(201, post("rack-it-2", body(id, "rack-it-2", "21.0")).statusCode());

    HttpResponse<String> again = post("rack-it-2", body(id, "rack-it-2", "21.0"));

    assertEquals(409, again.statusCode(), again.body());
    assertEquals(409, json(again).getInt("statusCode"));
    assertEquals(1, events.countOf("_id", id));
  }

  @Test
  void malformedJsonIsA400WithAnEdgeXBodyAndStoresNothing() throws Exception {
    HttpResponse<String> response = post("rack-it-3", "{\"event\": {\"id\": ");

    assertEquals(400, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals("v3", body.getString("apiVersion"));
    assertEquals(400, body.getInt("statusCode"));
    assertTrue(body.getString("message").contains("AddEventRequest"), body.toString());
    assertEquals(0, events.countOf("deviceName", "rack-it-3"));
  }

  @Test
  void aValueThatIsNotItsTypeIsRefusedWhole() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response = post("rack-it-4", body(id, "rack-it-4", "NaN"));

    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        "event.readings[0].value 'NaN' is not a valid Float64",
        json(response).getString("message"));
    assertEquals(0, events.countOf("_id", id));
  }

  @Test
  void aDeviceNameThatDiffersFromThePathIsRefused() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response = post("rack-it-5", body(id, "rack-other", "20.0"));

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(json(response).getString("message").startsWith("event.deviceName"));
    assertEquals(0, events.countOf("_id", id));
  }

  @Test
  void anOriginBeyondInt64OrAFractionIsRefusedNotWrapped() throws Exception {
    for (String origin : List.of("1e30", "99999999999999999999", "1.5")) {
      String id = UUID.randomUUID().toString();
      String json =
          body(id, "rack-it-6", "20.0")
              .replace(
                  "\"origin\":1764316800000000000,\"readings\"",
                  "\"origin\":" + origin + ",\"readings\"");
      HttpResponse<String> response = post("rack-it-6", json);
      assertEquals(400, response.statusCode(), origin + ": " + response.body());
      assertEquals(0, events.countOf("_id", id), origin);
    }
  }

  @Test
  void pingAnswersAsEdgeX() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.toURI().resolve("api/v3/ping")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("v3", json(response).getString("apiVersion"));
    assertEquals("setpoint-ingest", json(response).getString("serviceName"));
  }

  @Test
  void readinessReportsTheEdgeBufferUp() throws Exception {
    URI ready = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/health/ready");
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"ingest-mongodb\""), response.body());
  }
}
