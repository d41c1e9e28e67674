package dev.setpoint.analytics.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * Rooms and their modes on the built analytics WAR: telemetry from the real broker, modes through
 * the API into the real MongoDB-wire server, commands read back from the real commands topic. The
 * server decides every 5 s on one-second samples (failsafe's environment).
 */
@ExtendWith(ArquillianExtension.class)
class RoomsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TelemetryCodec CODEC = new TelemetryCodec();
  private static final CommandCodec COMMANDS = new CommandCodec();
  private static KafkaProducer<String, String> producer;
  private static String operator;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  @BeforeAll
  static void connect() throws Exception {
    producer = ItKafka.producer();
    operator = OperatorTokens.operator();
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    CODEC.close();
    COMMANDS.close();
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(20))
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

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** One message of a room's device, timed now, with outdoor conditions. */
  private static void send(String room, String device, double inletC, Double setpointC)
      throws Exception {
    long origin = System.currentTimeMillis() * 1_000_000L;
    List<TelemetryReading> readings = new ArrayList<>();
    readings.add(new TelemetryReading("temperature", inletC, "degC"));
    readings.add(new TelemetryReading("humidity", 45.0, "%RH"));
    if (setpointC != null) {
      readings.add(new TelemetryReading("setpoint", setpointC, "degC"));
    }
    TelemetryMessage message =
        new TelemetryMessage(
            TelemetryMessage.SCHEMA_VERSION,
            UUID.randomUUID().toString(),
            device,
            setpointC != null ? "room-controller" : "room-sensor",
            "climate",
            origin,
            readings,
            "it-site",
            new OutdoorConditions(12.0, 60.0, 3, origin / 1_000_000L, "simulated", false, 0, true),
            setpointC,
            System.currentTimeMillis(),
            room);
    producer.send(new ProducerRecord<>(Topics.TELEMETRY, device, CODEC.encode(message))).get();
  }

  /**
   * Keeps the rooms reporting once a second (each a controller at 22 °C and one rack sensor) until
   * the returned scheduler is shut down; a failed send fails {@link #stop}.
   */
  private static ScheduledExecutorService report(
      AtomicReference<Exception> failure, String... rooms) {
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
    reporter.scheduleAtFixedRate(
        () -> {
          try {
            for (String room : rooms) {
              send(room, room + "-ac", 23.0, 22.0);
              send(room, room + "-rack", 24.0, null);
            }
          } catch (Exception e) {
            failure.compareAndSet(null, e);
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    return reporter;
  }

  private static void stop(ScheduledExecutorService reporter, AtomicReference<Exception> failure)
      throws InterruptedException {
    reporter.shutdownNow();
    assertTrue(reporter.awaitTermination(10, TimeUnit.SECONDS), "the reporter did not stop");
    if (failure.get() != null) {
      throw new AssertionError("a telemetry send failed", failure.get());
    }
  }

  @Test
  void theRoomsApiIsForOperatorsAndSaysWhatIsWrong() throws Exception {
    assertEquals(401, call("GET", "api/v1/rooms", null, null).statusCode());
    HttpResponse<String> sensor = call("GET", "api/v1/rooms", OperatorTokens.token("device"), null);
    assertEquals(403, sensor.statusCode(), sensor.body());

    HttpResponse<String> unknown =
        call(
            "PUT",
            "api/v1/rooms/no-such-room-" + UUID.randomUUID() + "/mode",
            operator,
            "{\"mode\":\"advisory\"}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(json(unknown).getString("message").contains("is not known"), unknown.body());
    assertEquals(
        404,
        call("GET", "api/v1/rooms/no-such-room-" + UUID.randomUUID(), operator, null).statusCode());

    String room = "it-room-" + UUID.randomUUID();
    send(room, room + "-ac", 23.0, 22.0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> call("GET", "api/v1/rooms/" + room, operator, null).statusCode() == 200);
    for (String bad :
        List.of(
            "{\"mode\":\"turbo\"}",
            "{\"mode\":1}",
            "not json",
            "[]",
            "",
            "{\"mode\":\"off\",\"x\":1}")) {
      HttpResponse<String> r = call("PUT", "api/v1/rooms/" + room + "/mode", operator, bad);
      assertEquals(400, r.statusCode(), bad + " -> " + r.body());
      assertEquals("mode", json(r).getString("parameter"), r.body());
    }
    assertEquals(
        403,
        call(
                "PUT",
                "api/v1/rooms/" + room + "/mode",
                OperatorTokens.token("device"),
                "{\"mode\":\"off\"}")
            .statusCode());
    JsonObject view = json(call("GET", "api/v1/rooms/" + room, operator, null));
    assertEquals("auto", view.getString("mode"), "refused requests changed nothing: " + view);
    assertFalse(view.getBoolean("holdingTape"), view.toString());
  }

  @Test
  void aRoomIsMarkedAsHoldingTapeAndKeepsItsMode() throws Exception {
    HttpResponse<String> unknown =
        call(
            "PUT",
            "api/v1/rooms/no-such-room-" + UUID.randomUUID() + "/tape",
            operator,
            "{\"holdingTape\":true}");
    assertEquals(404, unknown.statusCode(), unknown.body());

    String room = "it-tape-" + UUID.randomUUID();
    send(room, room + "-ac", 23.0, 22.0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> call("GET", "api/v1/rooms/" + room, operator, null).statusCode() == 200);
    for (String bad : List.of("{\"holdingTape\":\"yes\"}", "true", "")) {
      HttpResponse<String> r = call("PUT", "api/v1/rooms/" + room + "/tape", operator, bad);
      assertEquals(400, r.statusCode(), bad + " -> " + r.body());
      assertEquals("holdingTape", json(r).getString("parameter"), r.body());
    }
    JsonObject refused = json(call("GET", "api/v1/rooms/" + room, operator, null));
    assertFalse(refused.getBoolean("holdingTape"), "refused requests stored nothing: " + refused);
    assertEquals("default", refused.getString("modeSetBy"), refused.toString());
    assertEquals(
        200,
        call("PUT", "api/v1/rooms/" + room + "/mode", operator, "{\"mode\":\"advisory\"}")
            .statusCode());
    HttpResponse<String> set =
        call("PUT", "api/v1/rooms/" + room + "/tape", operator, "{\"holdingTape\":true}");
    assertEquals(200, set.statusCode(), set.body());
    assertTrue(json(set).getBoolean("holdingTape"), set.body());
    assertEquals("advisory", json(set).getString("mode"), "the mode is kept: " + set.body());

    JsonObject listed =
        json(call("GET", "api/v1/rooms", operator, null)).getJsonArray("rooms").stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("room").equals(room))
            .findFirst()
            .orElseThrow();
    assertTrue(listed.getBoolean("holdingTape"), listed.toString());
    assertEquals("advisory", listed.getString("mode"), listed.toString());
  }

  @Test
  void anAdvisoryRoomIsRecordedAndShownButNeverCommandedWhileAnAutoRoomIs() throws Exception {
    String advisory = "it-adv-" + UUID.randomUUID();
    String auto = "it-auto-" + UUID.randomUUID();
    send(advisory, advisory + "-ac", 23.0, 22.0);
    send(auto, auto + "-ac", 23.0, 22.0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> call("GET", "api/v1/rooms/" + advisory, operator, null).statusCode() == 200);
    HttpResponse<String> set =
        call("PUT", "api/v1/rooms/" + advisory + "/mode", operator, "{\"mode\":\"advisory\"}");
    assertEquals(200, set.statusCode(), set.body());
    assertEquals("advisory", json(set).getString("mode"));
    assertEquals("operator", json(set).getString("modeSetBy"));
    assertEquals("analytics-it", json(set).getString("modeChangedBy"));

    // The mode is in analytics' own store, as one appended change.
    try (MongoClient mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"))) {
      Document stored =
          mongo
              .getDatabase("setpoint-cloud")
              .getCollection("room_modes")
              .find(Filters.eq("room", advisory))
              .first();
      assertEquals("advisory", stored.getString("mode"), String.valueOf(stored));
    }

    try (KafkaConsumer<String, String> commands = commandsFromNow()) {
      AtomicReference<Exception> failure = new AtomicReference<>();
      ScheduledExecutorService reporter = report(failure, advisory, auto);
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    decided(advisory) != null
                        && decided(auto) != null
                        && decided(auto).getBoolean("commanded"));
        // Until the advisory room has been decided twice more: the auto room's commands are on
        // the topic by then, the advisory room's never.
        Set<String> advisoryDecisions = new HashSet<>();
        List<CommandMessage> seen = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  for (ConsumerRecord<String, String> r : commands.poll(Duration.ofMillis(200))) {
                    seen.add(COMMANDS.decode(r.value()));
                  }
                  advisoryDecisions.add(decided(advisory).getString("time"));
                  return advisoryDecisions.size() >= 3
                      && seen.stream().anyMatch(c -> c.device().equals(auto + "-ac"));
                });
        assertFalse(
            seen.stream().anyMatch(c -> c.device().startsWith(advisory)),
            "the advisory room was commanded");
        assertTrue(seen.stream().noneMatch(c -> c.device().equals(auto + "-rack")));
      } finally {
        stop(reporter, failure);
      }
    }
    JsonObject adv = decided(advisory);
    assertEquals("advisory", adv.getString("mode"), adv.toString());
    assertFalse(adv.getBoolean("commanded"));
    assertTrue(adv.containsKey("reason") && adv.containsKey("margin"), adv.toString());
    JsonObject room = json(call("GET", "api/v1/rooms/" + advisory, operator, null));
    assertEquals(advisory + "-ac", room.getString("controller"), room.toString());
    assertEquals(2, room.getJsonArray("sensors").size(), room.toString());
    assertTrue(room.getJsonObject("bound").containsKey("checked"), room.toString());
  }

  /** The room's last decision as the API shows it, or null. */
  private JsonObject decided(String room) throws Exception {
    HttpResponse<String> r = call("GET", "api/v1/rooms/" + room, operator, null);
    if (r.statusCode() != 200) {
      return null;
    }
    JsonObject view = json(r);
    return view.containsKey("lastDecision") ? view.getJsonObject("lastDecision") : null;
  }

  /**
   * A consumer of the commands topic, at its end: subscribed in a group of its own, which creates
   * the topic on a fresh broker, and polled until it holds its partitions.
   */
  private static KafkaConsumer<String, String> commandsFromNow() {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("setpoint.it.kafka.bootstrap"),
                ConsumerConfig.GROUP_ID_CONFIG,
                "rooms-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(Topics.COMMANDS));
    long until = System.currentTimeMillis() + 60_000;
    while (consumer.assignment().isEmpty() && System.currentTimeMillis() < until) {
      consumer.poll(Duration.ofMillis(200));
    }
    assertFalse(consumer.assignment().isEmpty(), "no partition of " + Topics.COMMANDS);
    consumer.seekToEnd(consumer.assignment());
    consumer.assignment().forEach(consumer::position);
    return consumer;
  }
}
