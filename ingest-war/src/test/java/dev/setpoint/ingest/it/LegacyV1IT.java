package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report's v1 device script (its Figure 7 to 9), replayed call by call against the built WAR:
 * the same bodies, the same leniencies (a port as a string, numbers as values, a fixed millisecond
 * origin), answered as EdgeX v1 did, and stored as v3 events. The failsafe configuration enables
 * the v1 API for 127.0.0.1 only.
 */
@ExtendWith(ArquillianExtension.class)
class LegacyV1IT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String UUID_TEXT =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static MongoClient mongo;
  private static MongoDatabase db;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    db = mongo.getDatabase("setpoint");
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(loopback(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI loopback(String path) throws Exception {
    return URI.create("http://127.0.0.1:" + base.getPort() + "/api/v1/" + path);
  }

  /** The script's DataTemplate(): four value descriptors, run at every start of the script. */
  private void dataTemplate() throws Exception {
    List<String> descriptors =
        List.of(
            "{\"name\":\"device\",\"formatting\":\"%s\"}",
            "{\"name\":\"temperature\",\"min\":-40,\"max\":140,\"type\":\"F\",\"uomLabel\":"
                + "\"degree cel\",\"defaultValue\":0,\"formatting\":\"%s\",\"labels\":[\"temp\","
                + "\"hvac\"]}",
            "{\"name\":\"humidity\",\"min\":0,\"max\":100,\"type\":\"F\",\"uomLabel\":\"per\","
                + "\"defaultValue\":0,\"formatting\":\"%s\",\"labels\":[\"humidity\",\"hvac\"]}",
            "{\"name\":\"time\",\"formatting\":\"%s\",\"labels\":[\"time\",\"YYYYMMDD HHMMSS\"]}");
    for (String descriptor : descriptors) {
      String name = Json.createReader(new StringReader(descriptor)).readObject().getString("name");
      boolean known =
          db.getCollection("valuedescriptors").countDocuments(Filters.eq("_id", name)) > 0;
      HttpResponse<String> response = post("valuedescriptor", descriptor);
      if (known) {
        assertEquals(409, response.statusCode(), response.body());
      } else {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().matches(UUID_TEXT), response.body());
      }
    }
  }

  /** The script's createDevice(name): two addressables and a device service. */
  private void createDevice(String device) throws Exception {
    HttpResponse<String> addressable =
        post(
            "addressable",
            """
            {"origin":1471806386919,"name":"%s","protocol":"HTTP","address":"", "port":"161",
             "path":"","publisher":"none", "user":"none", "password":"none", "topic":"none"}"""
                .formatted(device));
    assertEquals(200, addressable.statusCode(), addressable.body());
    assertTrue(addressable.body().matches(UUID_TEXT), addressable.body());
    HttpResponse<String> serviceAddress =
        post(
            "addressable",
            """
            {"origin":1471806386919,"name":"%s-address","protocol":"HTTP","address":"",
             "port":"49989", "path":"","publisher":"none", "user":"none", "password":"none",
             "topic":"none"}"""
                .formatted(device));
    assertEquals(200, serviceAddress.statusCode(), serviceAddress.body());
    HttpResponse<String> service =
        post(
            "deviceservice",
            """
            {"origin":1471806386919,"name":"edgex-%s","description":"temperature service for rooms",
             "lastConnected":0, "lastReported":0, "labels":["snmp", "rtu", "io"],
             "adminState":"unlocked", "operatingState":"enabled",
             "addressable":{"name":"%s-address"}}"""
                .formatted(device, device));
    assertEquals(200, service.statusCode(), service.body());
    assertTrue(service.body().matches(UUID_TEXT), service.body());
  }

  /** One iteration of the script's loop: the DHT22 values as JSON numbers. */
  private HttpResponse<String> reading(String device, double t, double h) throws Exception {
    return post(
        "event",
        """
        {"origin": 1471806386919, "device": "%s",
         "readings": [{"origin": 1471806386919, "name": "device", "value": "%s"},
                      {"origin": 1471806386919, "name": "time", "value": "26.11.28-10:15:00"},
                      {"origin": 1471806386919, "name": "temperature", "value": %s},
                      {"origin": 1471806386919, "name": "humidity", "value": %s}]}"""
            .formatted(device, device, t, h));
  }

  @Test
  void replaysTheReportsDeviceScript() throws Exception {
    String device = "Device-" + UUID.randomUUID().toString().substring(0, 8);
    dataTemplate();
    dataTemplate(); // the script runs it at every start: duplicates answer 409, nothing changes
    createDevice(device);

    long before = System.currentTimeMillis();
    HttpResponse<String> first = reading(device, 23.5, 41.2);
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().matches(UUID_TEXT), first.body());
    HttpResponse<String> second = reading(device, 23.6, 41.0);
    assertEquals(200, second.statusCode(), second.body());

    Document stored = new EdgeLogView(db).event(first.body());
    assertEquals(device, stored.getString("deviceName"));
    assertEquals("legacy-v1", stored.getString("profileName"));
    assertFalse(
        stored.containsKey("state"), "no state: the relay's cursor tells what is forwarded");
    // The script's fixed 2016 origin is replaced by the time of receipt.
    long originMillis = stored.getLong("origin") / 1_000_000L;
    assertTrue(
        originMillis >= before - 1_000 && originMillis <= System.currentTimeMillis() + 1_000);
    @SuppressWarnings("unchecked")
    List<Document> readings = (List<Document>) stored.get("readings");
    assertEquals(4, readings.size());
    Document temperature =
        readings.stream()
            .filter(r -> "temperature".equals(r.getString("resourceName")))
            .findFirst()
            .orElseThrow();
    assertEquals("23.5", temperature.getString("value"));
    assertEquals("Float64", temperature.getString("valueType"));
    assertEquals("degree cel", temperature.getString("units"));

    // The device registered itself with its first event, under the generated profile.
    Document registered = db.getCollection("devices").find(Filters.eq("_id", device)).first();
    assertEquals("legacy-v1", registered.getString("profileName"));
    // Passwords are neither stored nor echoed.
    Document addressable = db.getCollection("addressables").find(Filters.eq("_id", device)).first();
    assertEquals(161, addressable.getInteger("port"));
    assertFalse(addressable.toJson().contains("password"), addressable.toJson());

    // The reads the v1 API offered, answered from the same buffer.
    HttpResponse<String> count = get("event/count");
    assertEquals(200, count.statusCode(), count.body());
    assertTrue(Long.parseLong(count.body()) >= 2, count.body());
    JsonArray events = array(get("event/device/" + device + "/10"));
    assertEquals(2, events.size(), events.toString());
    assertEquals(second.body(), events.getJsonObject(0).getString("id"), "newest first");
    assertEquals(first.body(), events.getJsonObject(1).getString("id"));
    assertEquals(4, events.getJsonObject(1).getJsonArray("readings").size());
    JsonArray temperatures = array(get("reading/name/temperature/1"));
    assertEquals(1, temperatures.size());
    assertEquals("temperature", temperatures.getJsonObject(0).getString("name"));
    error(get("event/device/" + device + "/100000"), 413);
    error(get("event/device/" + device + "/ten"), 400);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(loopback(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonArray array(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  @Test
  void checksReadingsAgainstTheirDescriptorsAndStoresNothingOnError() throws Exception {
    String device = "Device-" + UUID.randomUUID().toString().substring(0, 8);
    dataTemplate();
    long count = new EdgeLogView(db).count();

    JsonObject tooHot = error(reading(device, 140.5, 41.0), 400);
    assertTrue(tooHot.getString("message").contains("temperature"), tooHot.toString());
    JsonObject unknown =
        error(
            post(
                "event",
                "{\"device\":\""
                    + device
                    + "\",\"readings\":[{\"name\":\"pressure\",\"value\":1}]}"),
            404);
    assertTrue(unknown.getString("message").contains("pressure"), unknown.toString());
    error(post("event", "{\"device\":\"" + device + "\",\"readings\":[]}"), 400);
    error(post("event", "{\"device\":\"" + device + "\""), 400);
    error(post("addressable", "{\"name\":\"a-" + device + "\",\"port\":\"http\"}"), 400);
    error(
        post("deviceservice", "{\"name\":\"s-" + device + "\",\"addressable\":{\"name\":\"no\"}}"),
        404);
    error(post("valuedescriptor", "{\"name\":\"humidity\",\"type\":\"F\"}"), 409);
    error(post("valuedescriptor", "{\"name\":\"source\",\"type\":\"F\"}"), 400);

    assertEquals(count, new EdgeLogView(db).count());
  }

  @Test
  void answersPingAsV1Did() throws Exception {
    HttpResponse<String> pong =
        HTTP.send(
            HttpRequest.newBuilder(loopback("ping")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, pong.statusCode());
    assertEquals("pong", pong.body());
  }

  @Test
  void refusesClientsOutsideTheAllowedNetworks() throws Exception {
    // The failsafe configuration allows 127.0.0.1/32 only; ::1 is the same machine, another
    // network.
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://[::1]:" + base.getPort() + "/api/v1/ping"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    error(response, 403);
  }

  private static JsonObject error(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    assertEquals(status, body.getInt("statusCode"));
    assertFalse(body.getString("message", "").isBlank(), response.body());
    return body;
  }
}
