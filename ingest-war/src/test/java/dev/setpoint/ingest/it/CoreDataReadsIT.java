package dev.setpoint.ingest.it;

import static dev.setpoint.ingest.it.IngestApi.json;
import static dev.setpoint.ingest.it.IngestApi.storeEvents;
import static dev.setpoint.ingest.it.IngestApi.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.EdgeLog;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
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
 * The EdgeX v3 Core Data reads, {@code /version} and the age purge of the built WAR, against the
 * real edge buffer: status codes, bodies, ordering, paging and totals. Events are stored straight
 * into MongoDB in ingest's layout, so these tests depend only on the read side.
 */
@ExtendWith(ArquillianExtension.class)
class CoreDataReadsIT {
  private static final List<String> CLIMATE = List.of("temperature", "humidity");

  /** Later than any real clock: events stored with it are the newest in the buffer. */
  private static final long FUTURE = 9_000_000_000_000_000_000L;

  private static MongoClient mongo;
  private static EdgeLogView events;

  @ArquillianResource private URL base;
  private IngestApi api;

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
  void client() {
    api = new IngestApi(base);
  }

  private static String device() {
    return "rack-read-" + UUID.randomUUID();
  }

  /** A base origin above every earlier run's, so this test's events are the newest. */
  private static long newest() {
    return FUTURE + System.currentTimeMillis() * 1_000L;
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("X-Correlation-ID").isPresent());
    JsonObject body = json(response);
    assertEquals("v3", body.getString("apiVersion"));
    assertEquals(200, body.getInt("statusCode"));
    assertFalse(body.containsKey("message"), body.toString());
    return body;
  }

  private static void error(HttpResponse<String> response, int status, String inMessage) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("X-Correlation-ID").isPresent());
    JsonObject body = json(response);
    assertEquals("v3", body.getString("apiVersion"));
    assertEquals(status, body.getInt("statusCode"));
    assertTrue(body.getString("message").contains(inMessage), body.toString());
  }

  private static List<String> ids(JsonArray array) {
    List<String> ids = new ArrayList<>();
    for (JsonObject item : array.getValuesAs(JsonObject.class)) {
      ids.add(item.getString("id"));
    }
    return ids;
  }

  private static List<String> newestFirst(List<String> ids) {
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return reversed;
  }

  @Test
  void eventsOfADeviceComeNewestFirstPageByPageWithTheTotal() throws Exception {
    String device = device();
    List<String> stored =
        newestFirst(storeEvents(events, device, 1_764_316_800_000_000_000L, 5, CLIMATE));
    String path = "api/v3/event/device/name/" + device;

    JsonObject first = ok(api.get(path + "?limit=2"));
    assertEquals(5, first.getInt("totalCount"));
    assertEquals(stored.subList(0, 2), ids(first.getJsonArray("events")));
    assertEquals(
        stored.subList(2, 4), ids(ok(api.get(path + "?offset=2&limit=2")).getJsonArray("events")));
    assertEquals(
        stored.subList(4, 5), ids(ok(api.get(path + "?offset=4&limit=2")).getJsonArray("events")));
    assertEquals(stored, ids(ok(api.get(path + "?limit=-1")).getJsonArray("events")));
    assertEquals(stored, ids(ok(api.get(path)).getJsonArray("events")), "default limit 20");

    JsonObject beyond = ok(api.get(path + "?offset=5"));
    assertEquals(5, beyond.getInt("totalCount"));
    assertEquals(0, beyond.getJsonArray("events").size());

    JsonObject none = ok(api.get("api/v3/event/device/name/" + device()));
    assertEquals(0, none.getInt("totalCount"));
    assertEquals(0, none.getJsonArray("events").size());
  }

  @Test
  void anEventComesBackInTheEdgeXShape() throws Exception {
    String device = device();
    String id = UUID.randomUUID().toString();
    long origin = 1_764_316_800_123_456_789L;
    Document document = stored(id, device, origin, CLIMATE);
    events.append(System.currentTimeMillis(), List.of(document));

    JsonObject body = ok(api.get("api/v3/event/id/" + id));
    JsonObject event = body.getJsonObject("event");
    assertEquals("v3", event.getString("apiVersion"));
    assertEquals(id, event.getString("id"));
    assertEquals(device, event.getString("deviceName"));
    assertEquals("room-sensor", event.getString("profileName"));
    assertEquals("climate", event.getString("sourceName"));
    assertEquals(origin, event.getJsonNumber("origin").longValueExact());
    JsonArray readings = event.getJsonArray("readings");
    assertEquals(2, readings.size());
    List<Document> storedReadings = document.getList("readings", Document.class);
    for (int i = 0; i < 2; i++) {
      JsonObject reading = readings.getJsonObject(i);
      assertEquals(storedReadings.get(i).getString("id"), reading.getString("id"));
      assertEquals(origin + i, reading.getJsonNumber("origin").longValueExact());
      assertEquals(device, reading.getString("deviceName"));
      assertEquals("room-sensor", reading.getString("profileName"));
      assertEquals(CLIMATE.get(i), reading.getString("resourceName"));
      assertEquals("Float64", reading.getString("valueType"));
      assertEquals(Integer.toString(20 + i), reading.getString("value"));
    }
    assertEquals("degC", readings.getJsonObject(0).getString("units"));
    assertFalse(readings.getJsonObject(1).containsKey("units"), "no units, none shown");
  }

  @Test
  void anUnknownEventIdIsA404() throws Exception {
    error(api.get("api/v3/event/id/" + UUID.randomUUID()), 404, "no event with id");
  }

  @Test
  void aPostedEventReadsBackWithItsReadingIds() throws Exception {
    String device = device();
    String id = UUID.randomUUID().toString();
    assertEquals(201, api.postEvent(id, device, 1_764_316_800_000_000_001L).statusCode());

    JsonObject event = ok(api.get("api/v3/event/id/" + id)).getJsonObject("event");
    JsonObject reading = event.getJsonArray("readings").getJsonObject(0);
    assertEquals(36, reading.getString("id").length(), "ingest gave the reading an id");
    assertEquals(1_764_316_800_000_000_001L, reading.getJsonNumber("origin").longValueExact());
    assertEquals("21.5", reading.getString("value"));
    assertEquals("degC", reading.getString("units"));
  }

  @Test
  void countsAreEdgeXCountResponses() throws Exception {
    String device = device();
    long before = ok(api.get("api/v3/event/count")).getJsonNumber("Count").longValueExact();
    storeEvents(events, device, 1_764_316_800_000_000_000L, 3, CLIMATE);

    JsonObject all = ok(api.get("api/v3/event/count"));
    assertEquals(before + 3, all.getJsonNumber("Count").longValueExact());
    assertEquals(3, ok(api.get("api/v3/event/count/device/name/" + device)).getInt("Count"));
    assertEquals(0, ok(api.get("api/v3/event/count/device/name/" + device())).getInt("Count"));
  }

  @Test
  void allEventsAreNewestFirstAndTheTotalIsTheCount() throws Exception {
    List<String> stored = newestFirst(storeEvents(events, device(), newest(), 3, CLIMATE));

    JsonObject page = ok(api.get("api/v3/event/all?limit=3"));
    assertEquals(stored, ids(page.getJsonArray("events")));
    long count = ok(api.get("api/v3/event/count")).getJsonNumber("Count").longValueExact();
    assertEquals(count, page.getJsonNumber("totalCount").longValueExact());
    assertEquals(
        stored.subList(1, 3),
        ids(ok(api.get("api/v3/event/all?offset=1&limit=2")).getJsonArray("events")));
  }

  @Test
  void aTimeRangeIncludesBothEnds() throws Exception {
    long t = newest();
    List<String> stored = storeEvents(events, device(), t, 5, CLIMATE); // t, t+1000, ..., t+4000

    JsonObject range = ok(api.get("api/v3/event/start/" + (t + 1000) + "/end/" + (t + 3000)));
    assertEquals(3, range.getInt("totalCount"));
    assertEquals(newestFirst(stored.subList(1, 4)), ids(range.getJsonArray("events")));
    JsonObject paged =
        ok(api.get("api/v3/event/start/" + t + "/end/" + (t + 4000) + "?offset=1&limit=2"));
    assertEquals(5, paged.getInt("totalCount"));
    assertEquals(List.of(stored.get(3), stored.get(2)), ids(paged.getJsonArray("events")));
    assertEquals(1, ok(api.get("api/v3/event/start/" + t + "/end/" + t)).getInt("totalCount"));
  }

  @Test
  void badRangesAreA400NamingTheParameter() throws Exception {
    error(api.get("api/v3/event/start/yesterday/end/5"), 400, "path parameter start");
    error(api.get("api/v3/event/start/1/end/now"), 400, "path parameter end");
    error(api.get("api/v3/event/start/-1/end/5"), 400, "path parameter start must not be negative");
    error(
        api.get("api/v3/event/start/9/end/5"),
        400,
        "path parameter end (5) must not be before start (9)");
    error(api.get("api/v3/event/start/99999999999999999999/end/5"), 400, "path parameter start");
  }

  @Test
  void everyListRefusesBadPagingAndTooLargeALimit() throws Exception {
    for (String list :
        List.of(
            "api/v3/event/all",
            "api/v3/event/device/name/rack-1",
            "api/v3/event/start/0/end/1",
            "api/v3/reading/all",
            "api/v3/reading/device/name/rack-1",
            "api/v3/reading/resourceName/temperature")) {
      error(
          api.get(list + "?limit=1025"),
          413,
          "query parameter limit 1025 exceeds the maximum result count 1024");
      error(api.get(list + "?limit=ten"), 400, "query parameter limit");
      error(api.get(list + "?limit=-2"), 400, "query parameter limit");
      error(api.get(list + "?offset=-1"), 400, "query parameter offset");
      error(api.get(list + "?offset=x"), 400, "query parameter offset");
      ok(api.get(list + "?limit=1024"));
    }
  }

  @Test
  void readingsComeNewestFirstAcrossEventsWithTheirEventsNames() throws Exception {
    String device = device();
    long t = newest();
    storeEvents(
        events, device, t, 3, CLIMATE); // readings at t, t+1, t+1000, t+1001, t+2000, t+2001

    JsonObject page = ok(api.get("api/v3/reading/device/name/" + device + "?limit=4"));
    assertEquals(6, page.getInt("totalCount"));
    JsonArray readings = page.getJsonArray("readings");
    assertEquals(4, readings.size());
    long[] expected = {t + 2001, t + 2000, t + 1001, t + 1000};
    for (int i = 0; i < 4; i++) {
      JsonObject reading = readings.getJsonObject(i);
      assertEquals(expected[i], reading.getJsonNumber("origin").longValueExact());
      assertEquals(device, reading.getString("deviceName"));
      assertEquals("room-sensor", reading.getString("profileName"));
      assertNotNull(reading.getString("id"));
    }
    assertEquals("humidity", readings.getJsonObject(0).getString("resourceName"));
    JsonObject rest = ok(api.get("api/v3/reading/device/name/" + device + "?offset=4"));
    assertEquals(2, rest.getJsonArray("readings").size());

    JsonObject all = ok(api.get("api/v3/reading/all?limit=2"));
    assertEquals(
        t + 2001,
        all.getJsonArray("readings").getJsonObject(0).getJsonNumber("origin").longValueExact());
    assertTrue(all.getInt("totalCount") >= 6);
  }

  @Test
  void readingsOfOneResourceComeFromEveryDevice() throws Exception {
    String resource = "probe-" + UUID.randomUUID();
    long t = newest();
    storeEvents(events, device(), t, 2, List.of("temperature", resource));
    storeEvents(events, device(), t + 500, 1, List.of(resource));

    JsonObject page = ok(api.get("api/v3/reading/resourceName/" + resource));
    assertEquals(3, page.getInt("totalCount"));
    JsonArray readings = page.getJsonArray("readings");
    // Newest stored first (the log's order), each event's readings newest origin first.
    long[] expected = {t + 500, t + 1001, t + 1};
    for (int i = 0; i < 3; i++) {
      assertEquals(resource, readings.getJsonObject(i).getString("resourceName"));
      assertEquals(expected[i], readings.getJsonObject(i).getJsonNumber("origin").longValueExact());
    }
    assertEquals(
        0, ok(api.get("api/v3/reading/resourceName/none-" + resource)).getInt("totalCount"));
  }

  @Test
  void deletingByAgeKeepsPendingEventsWhateverTheirAge() throws Exception {
    String device = device();
    long old = 1_000_000_000L; // one second after the epoch
    long recent = System.currentTimeMillis() * 1_000_000L;
    String oldPending = UUID.randomUUID().toString();
    String oldForwarded = UUID.randomUUID().toString();
    String oldRejected = UUID.randomUUID().toString();
    String recentForwarded = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    long oldBatch = events.append(now, List.of(stored(oldForwarded, device, old + 1, CLIMATE)));
    long recentBatch =
        events.append(now, List.of(stored(recentForwarded, device, recent, CLIMATE)));
    events.forwardThrough(recentBatch); // as the relay does once the broker has them
    events.append(now, List.of(stored(oldPending, device, old, CLIMATE)));
    MongoCollection<Document> rejected =
        mongo.getDatabase("setpoint").getCollection(EdgeLog.REJECTED);
    rejected.insertOne(
        new Document("_id", oldRejected)
            .append(EdgeLog.REASON, "set aside by the relay")
            .append(EdgeLog.EVENT, stored(oldRejected, device, old + 2, CLIMATE)));

    long oneHour = 3_600_000_000_000L;
    HttpResponse<String> response = api.delete("api/v3/event/age/" + oneHour);

    assertEquals(202, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals("v3", body.getString("apiVersion"));
    assertEquals(202, body.getInt("statusCode"));
    assertTrue(body.getString("message").contains("pending forwarding are kept"), body.toString());
    assertEquals(1, events.countOf("_id", oldPending), "pending kept");
    assertEquals(0, events.countOf("_id", oldForwarded));
    assertFalse(events.hasBatch(oldBatch), "its batch deleted whole");
    assertEquals(0, rejected.countDocuments(Filters.eq("_id", oldRejected)));
    assertEquals(1, events.countOf("_id", recentForwarded), "younger kept");
  }

  @Test
  void aBadAgeIsA400() throws Exception {
    error(api.delete("api/v3/event/age/an-hour"), 400, "path parameter age");
    error(api.delete("api/v3/event/age/-1"), 400, "path parameter age must not be negative");
  }

  @Test
  void versionNamesTheServiceAndItsBuild() throws Exception {
    HttpResponse<String> response = api.get("api/v3/version");
    assertEquals(200, response.statusCode(), response.body());
    JsonObject body = json(response);
    assertEquals("v3", body.getString("apiVersion"));
    assertEquals("setpoint-ingest", body.getString("serviceName"));
    assertTrue(
        body.getString("version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), body.toString());
  }

  @Test
  void readsAndThePostShareTheEventPathWithoutClashing() throws Exception {
    // Four segments after /event: the POST's template, and two GETs with literal segments.
    assertEquals(405, api.get("api/v3/event/svc/room-sensor/rack-1/climate").statusCode());
    ok(api.get("api/v3/event/count/device/name/rack-1"));
    ok(api.get("api/v3/event/start/1/end/2"));
    error(api.post("api/v3/event/all", "{}"), 405, "method not allowed");
    error(api.get("api/v3/event/nothing/here"), 404, "no such resource");
  }

  @Test
  void theBatchLogNeedsNoIndexButItsIdOnceStartupIsUp() throws Exception {
    HttpResponse<String> started = api.get("health/started");
    assertEquals(200, started.statusCode(), started.body());
    assertTrue(started.body().contains("\"ingest-indexes\""), started.body());
    storeEvents(events, device(), newest(), 1, CLIMATE);
    List<String> names = new ArrayList<>();
    mongo
        .getDatabase("setpoint")
        .getCollection(EdgeLog.COLLECTION)
        .listIndexes()
        .forEach(index -> names.add(index.getString("name")));
    assertEquals(List.of("_id_"), names);
  }
}
