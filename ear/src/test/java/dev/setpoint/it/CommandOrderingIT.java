package dev.setpoint.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.command.StoredCommand;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every writer of a device's commands, an operator through ingest's Core Command and the
 * recommender through the relay, is ordered by one rule in the store: a command replaces the stored
 * one unless that was set later; the version counts every stored write, atomically.
 */
class CommandOrderingIT {
  /**
   * HTTP/1.1: the JDK client's default h2c upgrade, tried on each of many simultaneous PUTs with a
   * body, left one of them unanswered for 30 s on Liberty; the writes are what is tested here.
   */
  private static final HttpClient HTTP =
      Edge.client()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final int WRITERS = 12;

  private static String token;
  private static MongoClient mongo;

  @BeforeAll
  static void ready() throws Exception {
    Edge.awaitReady(Duration.ofSeconds(120));
    token = Edge.operatorToken();
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
  }

  @AfterAll
  static void close() {
    mongo.close();
  }

  private static HttpResponse<String> put(String device, String value) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(Edge.BASE + "/api/v3/device/name/" + device + "/setpoint"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .PUT(HttpRequest.BodyPublishers.ofString("{\"setpoint\":\"" + value + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Document stored(String device) {
    return mongo
        .getDatabase("setpoint")
        .getCollection(StoredCommand.COLLECTION)
        .find(Filters.eq(StoredCommand.ID, StoredCommand.idOf(device, "setpoint")))
        .first();
  }

  /** The setpoint Core Command serves for the device. */
  private static String served(String device) throws Exception {
    HttpResponse<String> response =
        Edge.get(Edge.BASE + "/api/v3/device/name/" + device + "/setpoint", token);
    assertEquals(200, response.statusCode(), response.body());
    for (JsonValue r :
        Json.createReader(new StringReader(response.body()))
            .readObject()
            .getJsonObject("event")
            .getJsonArray("readings")) {
      if ("setpoint".equals(r.asJsonObject().getString("resourceName"))) {
        return r.asJsonObject().getString("value");
      }
    }
    throw new AssertionError("no setpoint reading: " + response.body());
  }

  private static void recommend(String device, String value, long issuedAt) throws Exception {
    Edge.recommend(device, value, issuedAt, "ordering test");
  }

  @Test
  void simultaneousOperatorWritesEndInOneOrderWithEveryStoredWriteCounted() throws Exception {
    String device = "order-op-" + UUID.randomUUID();
    Edge.registerWithToken(device, "room-controller");
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < WRITERS; i++) {
        String value = Double.toString(19.0 + i * 0.5);
        answers.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return put(device, value);
                }));
      }
      Set<String> storedValues = new TreeSet<>();
      int superseded = 0;
      for (int i = 0; i < WRITERS; i++) {
        HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
        if (answer.statusCode() == 200) {
          storedValues.add(Double.toString(19.0 + i * 0.5));
        } else {
          // lost to a write set a millisecond later: refused, not silently dropped
          assertEquals(409, answer.statusCode(), answer.body());
          assertTrue(answer.body().contains("a command set later is stored"), answer.body());
          superseded++;
        }
      }
      assertFalse(storedValues.isEmpty(), "no write was stored");
      assertEquals(WRITERS, storedValues.size() + superseded);

      Document current = stored(device);
      assertNotNull(current);
      assertEquals(
          storedValues.size(),
          current.get(StoredCommand.VERSION, Number.class).longValue(),
          "every stored write counted once: no two writes read the same version");
      assertTrue(storedValues.contains(current.getString(StoredCommand.VALUE)), current.toJson());
      assertEquals(current.getString(StoredCommand.VALUE), served(device));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theRecommenderAndAnOperatorAreOrderedByTheSameRule() throws Exception {
    String device = "order-rc-" + UUID.randomUUID();
    Edge.registerWithToken(device, "room-controller");
    long before = System.currentTimeMillis() - 60_000;

    assertEquals(200, put(device, "20.0").statusCode());
    // Issued before the operator's write: superseded. Issued after it: replaces it. Both go to the
    // device's one partition, so once the second is served, the first was taken in and refused.
    recommend(device, "25.0", before);
    recommend(device, "24.0", System.currentTimeMillis() + 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> "24.0".equals(served(device)));
    Document byRecommender = stored(device);
    assertEquals("RECOMMENDER", byRecommender.getString(StoredCommand.SOURCE));
    assertEquals(2L, byRecommender.get(StoredCommand.VERSION, Number.class).longValue());

    // An operator's later write replaces the recommendation, by the same rule.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> System.currentTimeMillis() > byRecommender.getLong(StoredCommand.SET_AT));
    assertEquals(200, put(device, "21.5").statusCode());
    assertEquals("21.5", served(device));
    assertEquals("OPERATOR", stored(device).getString(StoredCommand.SOURCE));
    assertEquals(3L, stored(device).get(StoredCommand.VERSION, Number.class).longValue());
  }
}
