package dev.setpoint.ingest.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security issue's attacks by a device, or by a client of the v1 API, each written as the
 * attack against the built WAR. An ingest IT, not an end-to-end one: here no relay forwards, so
 * PENDING stays PENDING, and the v1 API is on (the failsafe configuration: v1 and its reads for
 * 127.0.0.1, a PENDING cap of 400 per device, origins up to ten years old for the other ITs' fixed
 * 2025 origins; the rate is the default, 20 a second with a burst of 200).
 */
@ExtendWith(ArquillianExtension.class)
class DeviceAbuseIT {
  /** The failsafe configuration's cap: pending-floor 400, normal-interval PT24H. */
  private static final int PENDING_CAP = 400;

  private static final int BURST = 200;
  private static final double RATE = 20;

  private static MongoClient mongo;
  private static EdgeLogView events;

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

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** Registers a room sensor and answers its device token. */
  private String registerWithToken(Api api, String device) throws Exception {
    HttpResponse<String> response =
        api.post("api/v3/device", Api.deviceRequest(device, "room-sensor", "UNLOCKED"));
    JsonObject added = Api.array(response).getJsonObject(0);
    assertEquals(201, added.getInt("statusCode"), response.body());
    return added.getString("token");
  }

  private static String event(String device, long origin) {
    return """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"21.5","units":"degC"}]}}
        """
        .formatted(UUID.randomUUID(), device, origin);
  }

  private static long now() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  /** Posts a new event of the device with its own token. */
  private HttpResponse<String> post(Api api, String device, String token, long origin)
      throws Exception {
    return Api.HTTP.send(
        HttpRequest.newBuilder(
                api.uri("api/v3/event/" + Api.SERVICE + "/room-sensor/" + device + "/climate"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(event(device, origin)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertRetryLater(HttpResponse<String> response, int status) {
    JsonObject body = Api.assertError(response, status);
    String retryAfter = response.headers().firstValue("Retry-After").orElse("");
    assertTrue(retryAfter.matches("[1-9][0-9]*"), "Retry-After: '" + retryAfter + "'");
    assertTrue(body.getString("message").contains("retry later"), body.toString());
  }

  @Test
  void aDeviceFloodingItsTokenGets429WhileAnotherDeviceIsAccepted() throws Exception {
    Api api = new Api(base);
    String flooder = "abuse-flood-" + run;
    String neighbour = "abuse-neighbour-" + run;
    String flooderToken = registerWithToken(api, flooder);
    String neighbourToken = registerWithToken(api, neighbour);
    int posts = BURST + 150;
    List<Future<HttpResponse<String>>> flood = new ArrayList<>();
    List<Integer> neighbourAnswers = new ArrayList<>();
    long started = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(12)) {
      for (int i = 0; i < posts; i++) {
        flood.add(clients.submit(() -> post(api, flooder, flooderToken, now())));
      }
      // The neighbour posts at its normal pace, at the same time.
      for (int i = 0; i < 10; i++) {
        neighbourAnswers.add(post(api, neighbour, neighbourToken, now()).statusCode());
      }
      Map<Integer, Integer> byStatus = new TreeMap<>();
      HttpResponse<String> refused = null;
      for (Future<HttpResponse<String>> answer : flood) {
        HttpResponse<String> response = answer.get();
        byStatus.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() == 429) {
          refused = response;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      assertEquals(List.of(201, 429), List.copyOf(byStatus.keySet()), byStatus.toString());
      assertRetryLater(refused, 429);
      int accepted = byStatus.get(201);
      assertTrue(
          accepted >= BURST && accepted <= BURST + RATE * seconds + 1,
          accepted + " accepted in " + seconds + " s");
      assertEquals(accepted, events.countOf("deviceName", flooder));
    }
    assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201), neighbourAnswers);
  }

  @Test
  void aDeviceAtItsPendingCapGets507WhileAnotherDeviceIsAccepted() throws Exception {
    Api api = new Api(base);
    String hoarder = "abuse-hoard-" + run;
    String neighbour = "abuse-neighbour2-" + run;
    String hoarderToken = registerWithToken(api, hoarder);
    String neighbourToken = registerWithToken(api, neighbour);
    // The relay is away: the device's cap of events already waits in the buffer.
    List<Document> backlog = new ArrayList<>();
    long origin = now() - Duration.ofHours(1).toNanos();
    for (int i = 0; i < PENDING_CAP; i++) {
      backlog.add(
          IngestApi.stored(
              UUID.randomUUID().toString(), hoarder, origin + i, List.of("temperature")));
    }
    events.append(System.currentTimeMillis(), backlog);

    // Ingest counts a device's PENDING events in the background when it first sees it.
    HttpResponse<String> refused =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> post(api, hoarder, hoarderToken, now()), r -> r.statusCode() != 201);
    assertRetryLater(refused, 507);
    long stored = events.countOf("deviceName", hoarder);
    HttpResponse<String> again = post(api, hoarder, hoarderToken, now());
    assertRetryLater(again, 507);
    assertEquals(stored, events.countOf("deviceName", hoarder));

    assertEquals(201, post(api, neighbour, neighbourToken, now()).statusCode());
  }

  @Test
  void originsInNineteenSeventyOrAnHourAheadAre400NamingTheField() throws Exception {
    Api api = new Api(base);
    String device = "abuse-clock-" + run;
    String token = registerWithToken(api, device);
    for (long origin : new long[] {1_000_000_000L, now() + Duration.ofHours(1).toNanos()}) {
      HttpResponse<String> response = post(api, device, token, origin);
      JsonObject body = Api.assertError(response, 400);
      assertTrue(body.getString("message").startsWith("event.origin "), body.toString());
    }
    assertEquals(0, events.countOf("deviceName", device));
    assertEquals(201, post(api, device, token, now()).statusCode());
  }

  // --- the v1 API: no token, only its network -------------------------------------------------

  private HttpResponse<String> v1(String method, String path, String body) throws Exception {
    return Api.HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + "/api/v1/" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void v1CannotPostAsAV3Device() throws Exception {
    Api api = new Api(base);
    String device = "abuse-v3-" + run;
    registerWithToken(api, device);
    HttpResponse<String> response =
        v1(
            "POST",
            "event",
            "{\"device\":\""
                + device
                + "\",\"readings\":[{\"name\":\"temperature\",\"value\":21}]}");
    JsonObject body = Api.assertError(response, 409);
    assertTrue(body.getString("message").contains("room-sensor"), body.toString());
    assertEquals(0, events.countOf("deviceName", device));
  }

  @Test
  void v1CannotReadAV3DevicesEvents() throws Exception {
    Api api = new Api(base);
    String device = "abuse-v3-read-" + run;
    String token = registerWithToken(api, device);
    assertEquals(201, post(api, device, token, now()).statusCode());

    HttpResponse<String> ofDevice = v1("GET", "event/device/" + device + "/10", null);
    assertEquals(200, ofDevice.statusCode(), ofDevice.body());
    assertEquals(0, Api.array(ofDevice).size(), ofDevice.body());
    HttpResponse<String> readings = v1("GET", "reading/name/temperature/1000", null);
    assertEquals(200, readings.statusCode(), readings.body());
    JsonArray all = Api.array(readings);
    for (int i = 0; i < all.size(); i++) {
      assertFalse(all.getJsonObject(i).getString("device").startsWith("abuse-"), all.toString());
    }
    HttpResponse<String> count = v1("GET", "event/count", null);
    assertEquals(200, count.statusCode(), count.body());
    assertEquals(events.countOf("profileName", "legacy-v1"), Long.parseLong(count.body()));
  }

  @Test
  void v1CannotRegisterADeviceUnderAV3Profile() throws Exception {
    String device = "abuse-v1-ac-" + run;
    HttpResponse<String> response =
        v1(
            "POST",
            "device",
            """
            {"name":"%s","adminState":"unlocked","operatingState":"enabled",
             "service":{"name":"setpoint-device-agent"},"profile":{"name":"air-conditioner"}}"""
                .formatted(device));
    JsonObject body = Api.assertError(response, 403);
    assertTrue(body.getString("message").startsWith("profile.name: "), body.toString());
    HttpResponse<String> lookup = new Api(base).get("api/v3/device/name/" + device);
    assertEquals(404, lookup.statusCode(), lookup.body());
  }
}
