package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitPoints;
import static dev.setpoint.it.Edge.awaitReady;
import static dev.setpoint.it.Edge.get;
import static dev.setpoint.it.Edge.influx;
import static dev.setpoint.it.Edge.operatorToken;
import static dev.setpoint.it.Edge.post;
import static dev.setpoint.it.Edge.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The faults the edge must ride out without losing or doubling a reading, each against the real
 * stack and each checked by the exact points in InfluxDB: a 30 s broker outage while readings keep
 * flowing, a kill -9 of the server that runs the relay in the middle of draining a backlog, a kill
 * -9 of the MongoDB-wire server during the fill and during the drain, and an OpenWeatherMap that
 * starts failing. Every event has its own origin and temperature, so a lost event is a missing
 * timestamp and a doubled one a count above the number posted.
 */
class FaultToleranceIT {
  private static final Pattern FORWARDED =
      Pattern.compile("(?m)^setpoint_relay_forwarded(?:_total)?\\{[^}]*\\}\\s+([0-9.eE+-]+)");

  /** How long the broker stays down in the outage test. */
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  /** {@code setpoint.relay.weather.cache-ttl} of the EAR test server (ear/pom.xml). */
  private static final Duration WEATHER_CACHE_TTL = Duration.ofSeconds(1);

  @BeforeAll
  static void serverIsReady() {
    awaitReady(Duration.ofSeconds(180));
  }

  /** The points of a device: origin (ns, from InfluxDB's RFC 3339 time) to temperature. */
  private static Map<Long, Double> points(String device) throws Exception {
    Map<Long, Double> points = new ConcurrentHashMap<>();
    for (JsonArray row :
        influx("SELECT temperature FROM climate WHERE device = '" + device + "'")) {
      java.time.Instant at = java.time.Instant.parse(row.getString(0));
      points.put(
          at.getEpochSecond() * 1_000_000_000L + at.getNano(), row.getJsonNumber(1).doubleValue());
    }
    return points;
  }

  private static double forwarded() throws Exception {
    HttpResponse<String> metrics = Scraper.get("/metrics?scope=application");
    assertEquals(200, metrics.statusCode(), "the scraper's /metrics: " + metrics.body());
    Matcher m = FORWARDED.matcher(metrics.body());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void aThirtySecondBrokerOutageWhileReadingsFlowLosesAndDoublesNothing() throws Exception {
    List<String> devices = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      devices.add("fault-kafka-" + d + "-" + UUID.randomUUID());
      register(devices.get(d));
    }
    String auth = "Bearer " + operatorToken();
    Map<String, Map<Long, Double>> posted = new ConcurrentHashMap<>();
    Map<String, List<Long>> order = new ConcurrentHashMap<>();
    for (String device : devices) {
      posted.put(device, new ConcurrentHashMap<>());
      order.put(device, Collections.synchronizedList(new ArrayList<>()));
    }
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean flowing = new AtomicBoolean(true);
    long firstOrigin = System.currentTimeMillis() * 1_000_000L;
    Thread poster =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int k = 0; flowing.get(); k++) {
                    long origin = firstOrigin + k * 1_000_000L;
                    double temperature = 20 + k / 100.0;
                    try {
                      for (String device : devices) {
                        var answer = post(device, origin, temperature, 45.0, auth);
                        if (answer.statusCode() == 201) {
                          posted.get(device).put(origin, temperature);
                          order.get(device).add(origin);
                        } else {
                          refused.add(answer.statusCode() + " " + answer.body());
                        }
                      }
                      // Paces the readings at about ten a second per device on purpose: the load
                      // that flows through the outage, not a wait for a result.
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    } catch (Exception e) {
                      refused.add(e.toString());
                    }
                  }
                });
    try {
      // The readings travel end to end before the fault: the first ones are in InfluxDB.
      for (String device : devices) {
        awaitPoints(device, 10, Duration.ofSeconds(60));
      }
      Stack.stop("kafka");
      long stoppedAt = System.nanoTime();
      int atStop = posted.get(devices.get(0)).size();
      // The broker stays down for OUTAGE (the fault under test), and all that time the edge
      // accepts every reading.
      Duration left = OUTAGE.minusNanos(System.nanoTime() - stoppedAt);
      await("the edge accepts every reading while the broker is down")
          .during(left)
          .atMost(left.plusSeconds(10))
          .until(() -> List.copyOf(refused), empty());
      assertTrue(
          posted.get(devices.get(0)).size() > atStop + 50,
          "the edge kept accepting readings: " + posted.get(devices.get(0)).size());
    } finally {
      Stack.start("kafka");
    }
    // Readings keep flowing after the broker is back, before the poster stops.
    int atRestart = posted.get(devices.get(0)).size();
    await("readings accepted after the broker is back")
        .atMost(Duration.ofSeconds(60))
        .until(() -> posted.get(devices.get(0)).size() >= atRestart + 20);
    flowing.set(false);
    poster.join();

    assertEquals(List.of(), refused, "every reading was accepted during the outage");
    for (String device : devices) {
      awaitPoints(device, posted.get(device).size(), Duration.ofSeconds(180));
      assertEquals(posted.get(device), points(device), "exactly the readings posted, each once");
      // The edge keeps each device's events in the order it sent them, the order the relay
      // drains them in (newest first here).
      List<Long> stored = storedOrigins(device, posted.get(device).size());
      List<Long> expected = new ArrayList<>(order.get(device));
      Collections.reverse(expected);
      assertEquals(expected, stored, "the device's order in the edge buffer");
    }
  }

  /** The origins of the device's events as the edge holds them, newest stored first. */
  private static List<Long> storedOrigins(String device, int count) throws Exception {
    HttpResponse<String> page =
        get(Edge.BASE + "/api/v3/event/device/name/" + device + "?limit=" + count, operatorToken());
    assertEquals(200, page.statusCode(), page.body());
    List<Long> origins = new ArrayList<>();
    try (var reader = Json.createReader(new StringReader(page.body()))) {
      for (var event : reader.readObject().getJsonArray("events")) {
        origins.add(event.asJsonObject().getJsonNumber("origin").longValue());
      }
    }
    return origins;
  }

  @Test
  void aKillOfTheServerMidDrainLosesAndDoublesNothing() throws Exception {
    String device = "fault-kill-" + UUID.randomUUID();
    register(device);
    String auth = "Bearer " + operatorToken();
    int count = 400;
    Map<Long, Double> posted = new ConcurrentHashMap<>();
    long firstOrigin = System.currentTimeMillis() * 1_000_000L;
    // A backlog: the broker is down while the readings arrive.
    Stack.stop("kafka");
    try {
      for (int k = 0; k < count; k++) {
        long origin = firstOrigin + k * 1_000_000L;
        double temperature = 18 + k / 100.0;
        assertEquals(201, post(device, origin, temperature, 50.0, auth).statusCode());
        posted.put(origin, temperature);
      }
    } finally {
      Stack.start("kafka");
    }
    // The relay drains 20 events per round on the test server (ear/pom.xml); kill it mid-way.
    double before = forwarded();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> forwarded() > before);
    double atKill = forwarded() - before;
    LibertyServer.kill9();
    assertTrue(
        atKill > 0 && atKill < count,
        "killed mid-drain: " + atKill + " of " + count + " forwarded before the kill");
    LibertyServer.start();
    awaitReady(Duration.ofSeconds(180));

    awaitPoints(device, count, Duration.ofSeconds(180));
    assertEquals(posted, points(device), "exactly the readings posted, each once");
    assertEquals(
        String.valueOf(count),
        countOf(get(Edge.BASE + "/api/v3/event/count/device/name/" + device, operatorToken())),
        "the edge stored each event once");
  }

  /**
   * kill -9 of the MongoDB-wire server that holds the edge buffer, once while readings arrive with
   * the broker down (the fill) and once while the relay drains them: every reading ingest
   * acknowledged with 201 reaches InfluxDB, once, and the store opens again by itself after each
   * kill. A reading whose post failed (the server gone mid-request) is posted again, as an agent
   * keeps it in its journal, under a new id but the same origin, so InfluxDB holds it once.
   */
  @Test
  void aKillOfTheBufferStoreDuringTheFillAndTheDrainLosesNothing() throws Exception {
    String device = "fault-kill-mongo-" + UUID.randomUUID();
    register(device);
    String auth = "Bearer " + operatorToken();
    String mongo = System.getProperty("setpoint.it.mongo.uri");
    int count = 300;
    Map<Long, Double> posted = new ConcurrentHashMap<>();
    long firstOrigin = System.currentTimeMillis() * 1_000_000L;
    Stack.stop("kafka");
    boolean killedDuringFill = false;
    try {
      for (int k = 0; k < count; k++) {
        long origin = firstOrigin + k * 1_000_000L;
        double temperature = 16 + k / 100.0;
        if (k == count / 2) {
          Stack.kill9Mongo(mongo);
          killedDuringFill = true;
        }
        int status = postOrFail(device, origin, temperature, auth);
        if (status != 201 && killedDuringFill) {
          // The store is gone: ingest refuses (503) and stores nothing; it comes back.
          Stack.start("mongo");
          killedDuringFill = false;
          await("ingest takes the reading once the store is back")
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofSeconds(1))
              .until(() -> postOrFail(device, origin, temperature, auth) == 201);
        } else {
          assertEquals(201, status, "reading " + k);
        }
        posted.put(origin, temperature);
      }
    } finally {
      if (killedDuringFill) {
        Stack.start("mongo");
      }
      Stack.start("kafka");
    }
    double before = forwarded();
    await("the relay drains")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> forwarded() > before);
    Stack.kill9Mongo(mongo);
    double atKill = forwarded() - before;
    assertTrue(atKill < count, "killed mid-drain: " + atKill + " of " + count + " forwarded");
    Stack.start("mongo");

    awaitPoints(device, count, Duration.ofSeconds(180));
    assertEquals(posted, points(device), "every reading acknowledged with 201, once");
  }

  /** The post's status, or 0 when the server did not answer it (the store killed under it). */
  private static int postOrFail(String device, long origin, double temperature, String auth) {
    try {
      return post(device, origin, temperature, 50.0, auth).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  @Test
  void whenTheWeatherServiceFailsReadingsTravelWithTheLastKnownWeatherFlaggedStale()
      throws Exception {
    String device = "fault-weather-" + UUID.randomUUID();
    register(device);
    String auth = "Bearer " + operatorToken();
    long origin = System.currentTimeMillis() * 1_000_000L;
    WeatherStandIn.observe(9.5, 71, 500); // light rain: category 7
    try {
      // The first reading gets the new weather once the relay's cached one has expired.
      awaitWeatherCacheExpired();
      assertEquals(201, post(device, origin, 22.0, 40.0, auth).statusCode());
      awaitPoints(device, 1);
      WeatherStandIn.fail(503);
      int requestsAtFailure = WeatherStandIn.requests();
      // From now on the cached weather is no longer fresh, so every round asks the failing server
      // (or finds the circuit open) and falls back to the last known weather, flagged stale.
      awaitWeatherCacheExpired();
      for (int k = 1; k <= 5; k++) {
        assertEquals(201, post(device, origin + k * 1_000_000L, 22.0 + k, 40.0, auth).statusCode());
        awaitPoints(device, k + 1); // each reading in a forwarding round of its own
      }
      assertTrue(
          WeatherStandIn.requests() > requestsAtFailure, "the relay asked the failing server");
    } finally {
      WeatherStandIn.observe(14.5, 62, 803);
    }
    List<JsonArray> rows =
        influx(
            "SELECT temperature, outdoor_temperature, outdoor_humidity, weather_category,"
                + " weather_stale FROM climate WHERE device = '"
                + device
                + "'");
    assertEquals(6, rows.size(), rows.toString());
    for (int k = 0; k < 6; k++) {
      JsonArray row = rows.get(k);
      assertEquals(22.0 + k, row.getJsonNumber(1).doubleValue(), row.toString());
      assertEquals(9.5, row.getJsonNumber(2).doubleValue(), row.toString());
      assertEquals(71.0, row.getJsonNumber(3).doubleValue(), row.toString());
      assertEquals(7, row.getJsonNumber(4).intValue(), row.toString());
      // only a reading whose weather was served stale is marked
      assertEquals(k == 0 ? JsonValue.NULL : JsonValue.TRUE, row.get(5), row.toString());
    }
  }

  /**
   * Waits until the weather the relay cached from the stand-in's last good answer is older than the
   * test server's cache TTL (plus a margin for the time between the answer and the relay's put).
   */
  private static void awaitWeatherCacheExpired() {
    await("the relay's cached weather has expired")
        .atMost(WEATHER_CACHE_TTL.plusSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                WeatherStandIn.sinceLastObservation().compareTo(WEATHER_CACHE_TTL.plusMillis(250))
                    > 0);
  }

  private static String countOf(java.net.http.HttpResponse<String> response) {
    Matcher m = Pattern.compile("\"Count\"\\s*:\\s*(\\d+)").matcher(response.body());
    assertTrue(m.find(), response.body());
    return m.group(1);
  }

  /**
   * A test server of the EAR module's Liberty installation: the EAR test server (no argument) or
   * another by name (AnalyticsGroupIT's second analytics server).
   */
  static final class LibertyServer {
    private LibertyServer() {}

    private static Path wlp() {
      return Path.of(System.getProperty("setpoint.it.wlp.dir"));
    }

    private static String name() {
      return System.getProperty("setpoint.it.server.name");
    }

    /** SIGKILL to the EAR test server's JVM. */
    static void kill9() throws Exception {
      kill9(name());
    }

    /** Starts the EAR test server again as liberty-maven-plugin did. */
    static void start() throws Exception {
      start(name());
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no orderly stop, as a crash or OOM kill. */
    static void kill9(String server) throws Exception {
      ProcessHandle process =
          process(server).orElseThrow(() -> new AssertionError(server + " is not running"));
      assertTrue(process.destroyForcibly(), "SIGKILL to " + process.pid());
      process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** The server's JVM while it runs, found by its pid file. */
    static Optional<ProcessHandle> process(String server) throws Exception {
      Path pidFile = wlp().resolve("usr/servers/.pid/" + server + ".pid");
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    /** Starts the server as liberty-maven-plugin does: same server, same configuration. */
    static void start(String server) throws Exception {
      ProcessBuilder builder =
          new ProcessBuilder(wlp().resolve("bin/server").toString(), "start", server)
              .redirectErrorStream(true);
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(240, TimeUnit.SECONDS), "server start timed out");
      assertEquals(0, process.exitValue(), String.format(Locale.ROOT, "server start:%n%s", output));
    }
  }
}
