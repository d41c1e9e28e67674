package dev.setpoint.ingest.it;

import static dev.setpoint.ingest.it.Api.assertBatch;
import static dev.setpoint.ingest.it.Api.assertError;
import static dev.setpoint.ingest.it.Api.object;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Contract suite for Core Metadata and Core Command: every endpoint's status codes and bodies, on
 * the built WAR against the real MongoDB. Each test uses its own names.
 */
@ExtendWith(ArquillianExtension.class)
class MetadataApiIT {
  private static MongoClient mongo;
  private static MongoDatabase db;

  @ArquillianResource private URL base;
  private Api api;

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

  @BeforeEach
  void api() {
    api = new Api(base);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String profileRequest(String name, String extraResource) {
    return """
        {"apiVersion":"v3","requestId":"%s","profile":{"name":"%s","manufacturer":"Acme",
         "model":"m1","labels":["test"],"deviceResources":[
          {"name":"level","description":"fill level","properties":{"valueType":"Int32",
           "readWrite":"RW","units":"%%","minimum":0,"maximum":100,"defaultValue":"50"}}%s],
         "deviceCommands":[{"name":"all","readWrite":"R",
           "resourceOperations":[{"deviceResource":"level"}]}]}}
        """
        .formatted(UUID.randomUUID(), name, extraResource);
  }

  private HttpResponse<String> event(String service, String profile, String device, String body)
      throws Exception {
    return api.post("api/v3/event/" + service + "/" + profile + "/" + device + "/climate", body);
  }

  private static String climate(String device, String temperature, String humidity) {
    return """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"%s"},
          {"resourceName":"humidity","valueType":"Float64","value":"%s"}]}}
        """
        .formatted(
            UUID.randomUUID(),
            device,
            System.currentTimeMillis() * 1_000_000L,
            temperature,
            humidity);
  }

  @Test
  void theShippedProfilesAndServiceAreSeeded() throws Exception {
    HttpResponse<String> room = api.get("api/v3/deviceprofile/name/room-sensor");
    assertEquals(200, room.statusCode(), room.body());
    JsonObject body = object(room);
    assertEquals(200, body.getInt("statusCode"));
    JsonObject profile = body.getJsonObject("profile");
    assertEquals("room-sensor", profile.getString("name"));
    JsonObject temperature = profile.getJsonArray("deviceResources").getJsonObject(0);
    assertEquals("temperature", temperature.getString("name"));
    assertEquals(false, temperature.getBoolean("isHidden"));
    JsonObject t = temperature.getJsonObject("properties");
    assertEquals("Float64", t.getString("valueType"));
    assertEquals("R", t.getString("readWrite"));
    assertEquals("°C", t.getString("units"));
    assertEquals(-40, t.getJsonNumber("minimum").intValue());
    assertEquals(85, t.getJsonNumber("maximum").intValue());
    JsonObject h =
        profile.getJsonArray("deviceResources").getJsonObject(1).getJsonObject("properties");
    assertEquals(0, h.getJsonNumber("minimum").intValue());
    assertEquals(100, h.getJsonNumber("maximum").intValue());
    JsonObject command = profile.getJsonArray("deviceCommands").getJsonObject(0);
    assertEquals("climate", command.getString("name"));
    assertEquals(2, command.getJsonArray("resourceOperations").size());

    JsonObject ac =
        object(api.get("api/v3/deviceprofile/name/air-conditioner")).getJsonObject("profile");
    JsonObject setpoint = ac.getJsonArray("deviceResources").getJsonObject(0);
    assertEquals("setpoint", setpoint.getString("name"));
    assertEquals("RW", setpoint.getJsonObject("properties").getString("readWrite"));
    assertEquals(18, setpoint.getJsonObject("properties").getJsonNumber("minimum").intValue());
    assertEquals(27, setpoint.getJsonObject("properties").getJsonNumber("maximum").intValue());

    HttpResponse<String> service = api.get("api/v3/deviceservice/name/" + Api.SERVICE);
    assertEquals(200, service.statusCode(), service.body());
    assertEquals("UNLOCKED", object(service).getJsonObject("service").getString("adminState"));
    assertEquals(
        200, api.get("health/started").statusCode(), "startup reports UP after the seeding");
  }

  @Test
  void profilesAnswer207PerItemAndAnInvalidItemRefusesTheWholeBatch() throws Exception {
    String name = unique("tank");
    HttpResponse<String> batch =
        api.post(
            "api/v3/deviceprofile",
            "[" + profileRequest(name, "") + "," + profileRequest("room-sensor", "") + "]");
    JsonArray items = assertBatch(batch, 201, 409);
    assertTrue(items.getJsonObject(1).getString("message").contains("room-sensor"));
    assertTrue(items.getJsonObject(0).containsKey("requestId"));

    JsonObject stored =
        object(api.get("api/v3/deviceprofile/name/" + name)).getJsonObject("profile");
    assertEquals(items.getJsonObject(0).getString("id"), stored.getString("id"));
    assertEquals("Acme", stored.getString("manufacturer"));
    assertEquals(
        "50",
        stored
            .getJsonArray("deviceResources")
            .getJsonObject(0)
            .getJsonObject("properties")
            .getString("defaultValue"));

    long before = db.getCollection("deviceProfiles").countDocuments();
    String other = unique("tank");
    HttpResponse<String> invalid =
        api.post(
            "api/v3/deviceprofile",
            "["
                + profileRequest(other, "")
                + ","
                + profileRequest(
                    unique("tank"),
                    ",{\"name\":\"bad\",\"properties\":"
                        + "{\"valueType\":\"Float64\",\"readWrite\":\"R\",\"minimum\":5,\"maximum\":1}}")
                + "]");
    JsonObject error = assertError(invalid, 400);
    assertEquals(
        "[1].profile.deviceResources[1].properties.minimum 5.0 is greater than maximum 1.0",
        error.getString("message"));
    assertEquals(before, db.getCollection("deviceProfiles").countDocuments(), "nothing stored");
    assertEquals(404, api.get("api/v3/deviceprofile/name/" + other).statusCode());
  }

  private HttpResponse<String> upload(String fileName, String yaml) throws Exception {
    String boundary = "setpoint" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Type: application/x-yaml\r\n\r\n"
            + yaml
            + "\r\n--"
            + boundary
            + "--\r\n";
    return api.send(
        "POST",
        "api/v3/deviceprofile/uploadfile",
        "multipart/form-data; boundary=" + boundary,
        body);
  }

  @Test
  void aYamlProfileCanBeUploaded() throws Exception {
    String name = unique("fan");
    String yaml =
        """
        name: %s
        manufacturer: Acme
        deviceResources:
          - name: speed
            properties:
              valueType: Uint8
              readWrite: RW
              minimum: 0
              maximum: 3
        """
            .formatted(name);
    HttpResponse<String> created = upload("fan.yaml", yaml);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(201, object(created).getInt("statusCode"));
    assertTrue(object(created).getString("id").matches("[0-9a-f-]{36}"));
    JsonObject stored =
        object(api.get("api/v3/deviceprofile/name/" + name)).getJsonObject("profile");
    assertEquals(
        "Uint8",
        stored
            .getJsonArray("deviceResources")
            .getJsonObject(0)
            .getJsonObject("properties")
            .getString("valueType"));

    assertError(upload("fan.yaml", yaml), 409);
    assertEquals(
        "profile.deviceResources[0].properties.maximum 300 lies outside what a Uint8 can hold",
        assertError(
                upload("x.yaml", yaml.replace(name, unique("fan")).replace("3\n", "300\n")), 400)
            .getString("message"));
    assertTrue(
        assertError(upload("x.yaml", "name: [broken"), 400)
            .getString("message")
            .startsWith("the file is not a valid YAML document"));
    String boundary = "b" + UUID.randomUUID();
    HttpResponse<String> noFile =
        api.send(
            "POST",
            "api/v3/deviceprofile/uploadfile",
            "multipart/form-data; boundary=" + boundary,
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary
                + "--\r\n");
    assertEquals(
        "multipart part 'file' is required; it holds the YAML device profile",
        assertError(noFile, 400).getString("message"));
  }

  @Test
  void deviceServicesAreAddedReadListedAndDeleted() throws Exception {
    String name = unique("svc");
    HttpResponse<String> created =
        api.post(
            "api/v3/deviceservice",
            "[{\"apiVersion\":\"v3\",\"service\":{\"name\":\""
                + name
                + "\","
                + "\"baseAddress\":\"http://10.0.0.9:59999\",\"adminState\":\"UNLOCKED\"}}]");
    String id = assertBatch(created, 201).getJsonObject(0).getString("id");
    JsonObject service =
        object(api.get("api/v3/deviceservice/name/" + name)).getJsonObject("service");
    assertEquals(id, service.getString("id"));
    assertEquals("http://10.0.0.9:59999", service.getString("baseAddress"));

    JsonObject all = object(api.get("api/v3/deviceservice/all?limit=-1"));
    assertEquals(200, all.getInt("statusCode"));
    assertTrue(all.getInt("totalCount") >= 2, all.toString());
    assertTrue(
        all.getJsonArray("services").stream()
            .anyMatch(s -> s.asJsonObject().getString("name").equals(name)));

    assertEquals(
        200, api.send("DELETE", "api/v3/deviceservice/name/" + name, null, null).statusCode());
    assertError(api.get("api/v3/deviceservice/name/" + name), 404);
    assertError(api.send("DELETE", "api/v3/deviceservice/name/" + name, null, null), 404);
  }

  @Test
  void aDeviceIsAddedReadLockedUnlockedAndDeleted() throws Exception {
    String name = unique("rack");
    String id =
        assertBatch(
                api.post("api/v3/device", Api.deviceRequest(name, "room-sensor", "UNLOCKED")), 201)
            .getJsonObject(0)
            .getString("id");
    assertBatch(api.post("api/v3/device", Api.deviceRequest(name, "room-sensor", "UNLOCKED")), 409);
    JsonArray unknown =
        assertBatch(
            api.post(
                "api/v3/device", Api.deviceRequest(unique("rack"), "no-such-profile", "UNLOCKED")),
            404);
    assertTrue(unknown.getJsonObject(0).getString("message").contains("no-such-profile"));

    JsonObject device = object(api.get("api/v3/device/name/" + name)).getJsonObject("device");
    assertEquals(id, device.getString("id"));
    assertEquals("UNLOCKED", device.getString("adminState"));
    assertEquals("UP", device.getString("operatingState"));
    assertEquals(Api.SERVICE, device.getString("serviceName"));
    assertEquals("lab", device.getJsonObject("location").getString("room"));
    assertEquals(3, device.getJsonObject("location").getInt("rack"));
    assertEquals("8080", device.getJsonObject("protocols").getJsonObject("http").getString("port"));
    assertEquals("10s", device.getJsonArray("autoEvents").getJsonObject(0).getString("interval"));

    assertEquals(
        201, event(Api.SERVICE, "room-sensor", name, climate(name, "21", "40")).statusCode());
    HttpResponse<String> lock =
        api.send(
            "PATCH",
            "api/v3/device",
            "application/json",
            "[{\"apiVersion\":\"v3\",\"requestId\":\"r-7\",\"device\":{\"name\":\""
                + name
                + "\",\"adminState\":\"LOCKED\",\"labels\":[\"locked\"]}}]");
    assertEquals("r-7", assertBatch(lock, 200).getJsonObject(0).getString("requestId"));
    JsonObject locked = object(api.get("api/v3/device/name/" + name)).getJsonObject("device");
    assertEquals("LOCKED", locked.getString("adminState"));
    assertEquals("locked", locked.getJsonArray("labels").getString(0));
    assertEquals(
        "device '" + name + "' is locked",
        assertError(event(Api.SERVICE, "room-sensor", name, climate(name, "21", "40")), 423)
            .getString("message"));
    assertBatch(
        api.send(
            "PATCH",
            "api/v3/device",
            "application/json",
            "[{\"device\":{\"name\":\""
                + name
                + "\",\"adminState\":\"UNLOCKED\"}},"
                + "{\"device\":{\"name\":\"ghost-"
                + name
                + "\",\"adminState\":\"UNLOCKED\"}}]"),
        200,
        404);
    assertEquals(
        201, event(Api.SERVICE, "room-sensor", name, climate(name, "22", "41")).statusCode());

    assertEquals(200, api.send("DELETE", "api/v3/device/name/" + name, null, null).statusCode());
    assertError(api.get("api/v3/device/name/" + name), 404);
    assertEquals(
        2, new EdgeLogView(db).countOf("deviceName", name), "a deleted device's events stay");
    assertError(event(Api.SERVICE, "room-sensor", name, climate(name, "21", "40")), 404);
  }

  @Test
  void aDeviceLockedThroughAnotherServerIsRefusedHereWithinTheCacheTtl() throws Exception {
    String name = unique("rack");
    api.registerDevice(name, "room-sensor");
    long before = stamp();
    assertBatch(
        api.send(
            "PATCH",
            "api/v3/device",
            "application/json",
            "[{\"device\":{\"name\":\"" + name + "\",\"labels\":[\"moved\"]}}]"),
        200);
    assertTrue(stamp() > before, "a write through the API moves the change stamp");
    assertEquals(
        201, event(Api.SERVICE, "room-sensor", name, climate(name, "21", "40")).statusCode());

    // Another ingest server locks the device: its store writes the document, then the stamp.
    db.getCollection("devices")
        .updateOne(Filters.eq("_id", name), Updates.set("adminState", "LOCKED"));
    db.getCollection("metadataChanges")
        .updateOne(
            Filters.eq("_id", "stamp"), Updates.inc("n", 1L), new UpdateOptions().upsert(true));
    // The test server's TTL is the default 5 s; until the stamp is read the device posts as before.
    HttpResponse<String> refused =
        await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> event(Api.SERVICE, "room-sensor", name, climate(name, "21", "40")),
                r -> r.statusCode() != 201);
    assertEquals(
        "device '" + name + "' is locked",
        assertError(refused, 423).getString("message"),
        "the lock made elsewhere is seen once the stamp is read");
  }

  private static long stamp() {
    Document stamp = db.getCollection("metadataChanges").find(Filters.eq("_id", "stamp")).first();
    return stamp == null ? 0 : stamp.get("n", Number.class).longValue();
  }

  @Test
  void aProfileOrServiceInUseIsNotDeleted() throws Exception {
    api.registerDevice(unique("rack"), "room-sensor");
    assertTrue(
        assertError(api.send("DELETE", "api/v3/deviceprofile/name/room-sensor", null, null), 409)
            .getString("message")
            .contains("room-sensor"));
    assertError(api.send("DELETE", "api/v3/deviceservice/name/" + Api.SERVICE, null, null), 409);
    String name = unique("spare");
    assertBatch(api.post("api/v3/deviceprofile", "[" + profileRequest(name, "") + "]"), 201);
    assertEquals(
        200, api.send("DELETE", "api/v3/deviceprofile/name/" + name, null, null).statusCode());
    assertError(api.get("api/v3/deviceprofile/name/" + name), 404);
    assertError(api.send("DELETE", "api/v3/deviceprofile/name/" + name, null, null), 404);
  }

  @Test
  void listsArePagedInNameOrderWithTheTotal() throws Exception {
    for (int i = 0; i < 3; i++) {
      api.registerDevice(unique("page"), "room-sensor");
    }
    JsonObject first = object(api.get("api/v3/device/all?offset=0&limit=2"));
    JsonObject second = object(api.get("api/v3/device/all?offset=2&limit=2"));
    long total = db.getCollection("devices").countDocuments();
    assertEquals(total, first.getInt("totalCount"));
    assertEquals(2, first.getJsonArray("devices").size());
    String a = first.getJsonArray("devices").getJsonObject(1).getString("name");
    String b = second.getJsonArray("devices").getJsonObject(0).getString("name");
    assertTrue(a.compareTo(b) < 0, a + " before " + b);
    JsonArray profiles =
        object(api.get("api/v3/deviceprofile/all?limit=-1")).getJsonArray("profiles");
    assertTrue(
        profiles.stream().anyMatch(p -> p.asJsonObject().getString("name").equals("room-sensor")));
    assertEquals(
        "limit 'x' is not an integer",
        assertError(api.get("api/v3/device/all?limit=x"), 400).getString("message"));
    assertError(api.get("api/v3/device/all?offset=-1"), 400);
    assertError(api.get("api/v3/deviceprofile/all?limit=0"), 400);
    assertError(api.get("api/v3/deviceservice/all?limit=1001"), 400);
  }

  @Test
  void eventsAreCheckedAgainstTheDevicesProfile() throws Exception {
    String name = unique("rack");
    api.registerDevice(name, "room-sensor");
    long before = new EdgeLogView(db).count();
    assertEquals(
        "event.readings[1].value '100.5' lies outside [0.0, 100.0] of resource 'humidity'",
        assertError(event(Api.SERVICE, "room-sensor", name, climate(name, "21", "100.5")), 400)
            .getString("message"));
    assertError(event(Api.SERVICE, "room-sensor", name, climate(name, "-40.01", "50")), 400);
    assertError(event("other-service", "room-sensor", name, climate(name, "21", "50")), 400);
    assertError(
        event(
            Api.SERVICE,
            "air-conditioner",
            name,
            climate(name, "21", "50").replace("room-sensor", "air-conditioner")),
        400);
    assertError(
        event(
            Api.SERVICE,
            "room-sensor",
            name,
            climate(name, "21", "50").replace("\"humidity\"", "\"pressure\"")),
        400);
    assertError(
        event(
            Api.SERVICE,
            "room-sensor",
            name,
            climate(name, "21", "50").replaceFirst("Float64", "Int32")),
        400);
    String ghost = unique("ghost");
    assertTrue(
        assertError(event(Api.SERVICE, "room-sensor", ghost, climate(ghost, "21", "50")), 404)
            .getString("message")
            .contains("not a registered device"));
    assertEquals(before, new EdgeLogView(db).count(), "nothing stored");
    assertEquals(
        201, event(Api.SERVICE, "room-sensor", name, climate(name, "-40", "100")).statusCode());
  }

  @Test
  void coreCommandStoresAnOperatorsSetpointAndReadsItBack() throws Exception {
    String ac = unique("ac");
    api.registerDevice(ac, "air-conditioner");
    String path = "api/v3/device/name/" + ac + "/setpoint";
    assertTrue(
        assertError(api.get(path), 404).getString("message").startsWith("no value stored yet"));

    HttpResponse<String> put = api.send("PUT", path, "application/json", "{\"setpoint\":\"24.5\"}");
    assertEquals(200, put.statusCode(), put.body());
    assertEquals(200, object(put).getInt("statusCode"));
    Document stored =
        db.getCollection("commands").find(Filters.eq("_id", ac + "/setpoint")).first();
    assertEquals("24.5", stored.getString("value"));
    assertEquals("OPERATOR", stored.getString("source"));
    assertEquals(1L, ((Number) stored.get("version")).longValue());

    HttpResponse<String> read = api.get(path);
    assertEquals(200, read.statusCode(), read.body());
    JsonObject event = object(read).getJsonObject("event");
    assertEquals(ac, event.getString("deviceName"));
    assertEquals("air-conditioner", event.getString("profileName"));
    assertEquals("setpoint", event.getString("sourceName"));
    JsonObject reading = event.getJsonArray("readings").getJsonObject(0);
    assertEquals("24.5", reading.getString("value"));
    assertEquals("Float64", reading.getString("valueType"));
    assertEquals("°C", reading.getString("units"));

    assertEquals(
        200, api.send("PUT", path, "application/json", "{\"setpoint\":\"18\"}").statusCode());
    assertEquals(
        2L,
        ((Number)
                db.getCollection("commands")
                    .find(Filters.eq("_id", ac + "/setpoint"))
                    .first()
                    .get("version"))
            .longValue());

    assertEquals(
        "setpoint '27.5' lies outside [18.0, 27.0]",
        assertError(api.send("PUT", path, "application/json", "{\"setpoint\":\"27.5\"}"), 400)
            .getString("message"));
    assertEquals(
        "command 'mode' is read-only",
        assertError(
                api.send(
                    "PUT",
                    "api/v3/device/name/" + ac + "/mode",
                    "application/json",
                    "{\"mode\":\"cool\"}"),
                400)
            .getString("message"));
    assertError(
        api.send(
            "PUT", "api/v3/device/name/" + ac + "/heat", "application/json", "{\"heat\":\"1\"}"),
        404);
    assertError(
        api.send(
            "PUT",
            "api/v3/device/name/ghost-" + ac + "/setpoint",
            "application/json",
            "{\"setpoint\":\"20\"}"),
        404);
    api.send(
        "PATCH",
        "api/v3/device",
        "application/json",
        "[{\"device\":{\"name\":\"" + ac + "\",\"adminState\":\"LOCKED\"}}]");
    assertError(api.send("PUT", path, "application/json", "{\"setpoint\":\"20\"}"), 423);
    assertError(api.get(path), 423);
    assertEquals(
        "18",
        db.getCollection("commands")
            .find(Filters.eq("_id", ac + "/setpoint"))
            .first()
            .getString("value"));
  }

  @Test
  void anOperatorsPutCanHoldTheValueUntilAnRfc3339Time() throws Exception {
    String ac = unique("ac");
    api.registerDevice(ac, "air-conditioner");
    String path = "api/v3/device/name/" + ac + "/setpoint";
    java.time.Instant until =
        java.time.Instant.now().plus(java.time.Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    HttpResponse<String> put =
        api.send("PUT", path + "?hold-until=" + until, "application/json", "{\"setpoint\":\"21\"}");
    assertEquals(200, put.statusCode(), put.body());
    Document stored =
        db.getCollection("commands").find(Filters.eq("_id", ac + "/setpoint")).first();
    assertEquals("21", stored.getString("value"));
    assertEquals(until.toEpochMilli(), ((Number) stored.get("heldUntil")).longValue());

    assertEquals(
        "hold-until 'tomorrow' is not an RFC 3339 time such as 2026-12-02T20:00:00Z",
        assertError(
                api.send(
                    "PUT",
                    path + "?hold-until=tomorrow",
                    "application/json",
                    "{\"setpoint\":\"22\"}"),
                400)
            .getString("message"));
    assertTrue(
        assertError(
                api.send(
                    "PUT",
                    path + "?hold-until=2020-01-01T00:00:00Z",
                    "application/json",
                    "{\"setpoint\":\"22\"}"),
                400)
            .getString("message")
            .endsWith("is not in the future"));
    assertError(
        api.send(
            "PUT",
            "api/v3/device/name/ghost-" + ac + "/setpoint?hold-until=" + until,
            "application/json",
            "{\"setpoint\":\"22\"}"),
        404);
    stored = db.getCollection("commands").find(Filters.eq("_id", ac + "/setpoint")).first();
    assertEquals("21", stored.getString("value"), "a refused hold stores nothing");
    assertEquals(1L, ((Number) stored.get("version")).longValue());

    HttpResponse<String> release =
        api.send("PUT", path, "application/json", "{\"setpoint\":\"23\"}");
    assertEquals(200, release.statusCode(), release.body());
    stored = db.getCollection("commands").find(Filters.eq("_id", ac + "/setpoint")).first();
    assertEquals("23", stored.getString("value"));
    assertEquals(null, stored.get("heldUntil"), "a PUT without hold-until releases the hold");
  }

  @Test
  void coreCommandReadsASensorsLatestReportedValues() throws Exception {
    String rack = unique("rack");
    api.registerDevice(rack, "room-sensor");
    assertEquals(
        201, event(Api.SERVICE, "room-sensor", rack, climate(rack, "20.5", "45")).statusCode());
    assertEquals(
        201, event(Api.SERVICE, "room-sensor", rack, climate(rack, "21.5", "44")).statusCode());
    HttpResponse<String> read = api.get("api/v3/device/name/" + rack + "/climate");
    assertEquals(200, read.statusCode(), read.body());
    JsonArray readings = object(read).getJsonObject("event").getJsonArray("readings");
    assertEquals(2, readings.size());
    assertEquals("21.5", readings.getJsonObject(0).getString("value"));
    assertEquals("44", readings.getJsonObject(1).getString("value"));
    assertEquals(
        "command 'climate' is read-only",
        assertError(
                api.send(
                    "PUT",
                    "api/v3/device/name/" + rack + "/climate",
                    "application/json",
                    "{\"temperature\":\"20\"}"),
                400)
            .getString("message"));
  }

  @Test
  void concurrentPostsOfOneNameStoreOne() throws Exception {
    String name = unique("race");
    String body = "[{\"service\":{\"name\":\"" + name + "\",\"adminState\":\"UNLOCKED\"}}]";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        posts.add(
            () ->
                Api.array(api.post("api/v3/deviceservice", body))
                    .getJsonObject(0)
                    .getInt("statusCode"));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pool.invokeAll(posts)) {
        statuses.add(status.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdown();
    }
    assertEquals(1, db.getCollection("deviceServices").countDocuments(Filters.eq("_id", name)));
  }

  @Test
  void wrongMethodsAndUnknownPathsAnswerEdgeXBodies() throws Exception {
    assertError(api.send("PUT", "api/v3/deviceprofile", "application/json", "[]"), 405);
    assertError(api.get("api/v3/deviceprofile/nothing/here"), 404);
  }
}
