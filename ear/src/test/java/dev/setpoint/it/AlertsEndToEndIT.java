package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.setpoint.device.Agents;
import dev.setpoint.device.config.Settings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts end to end, at real time: a simulated room (the device agent against the EAR test server)
 * whose cooling trips 15 s after start and heats 20 °C a minute for 30 s; its readings cross 27 and
 * then 32 °C; analytics raises the room's inlet alert and escalates it; a webhook receiver (the
 * JDK's HTTP server) and an SMTP server (GreenMail) started here receive both, the webhook signed
 * with the subscription's secret; an operator acknowledges it through the API with a comment; the
 * unit is restored, the room cools, and the alert clears, each step delivered too.
 */
class AlertsEndToEndIT {
  static final int SMTP_PORT = Integer.getInteger("setpoint.it.smtp.port", 19025);

  @TempDir Path dir;

  HttpServer receiver;
  GreenMail smtp;
  final List<String[]> hooks = new CopyOnWriteArrayList<>(); // {timestamp, signature, body}
  final String room = "alert-room-" + UUID.randomUUID().toString().substring(0, 8);
  final List<String> subscriptions = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void serverUp() {
    awaitReady(Duration.ofSeconds(180));
  }

  @BeforeEach
  void receivers() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          hooks.add(
              new String[] {
                exchange.getRequestHeaders().getFirst("X-Setpoint-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Setpoint-Signature"),
                body
              });
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (String name : subscriptions) {
      Edge.send("DELETE", Edge.BASE + "/analytics/api/v1/notifications/subscriptions/" + name, "");
    }
    receiver.stop(0);
    smtp.stop();
  }

  private static JsonObject json(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private String subscribe(String name, String channel) throws Exception {
    subscriptions.add(name);
    JsonObject created =
        json(
            Edge.send(
                "POST",
                Edge.BASE + "/analytics/api/v1/notifications/subscriptions",
                "{\"name\": \""
                    + name
                    + "\", \"receiver\": \"on-call\", \"channels\": ["
                    + channel
                    + "], \"kinds\": [\"inlet_high\"], \"rooms\": [\""
                    + room
                    + "\"]}"),
            201);
    return created.containsKey("secret") ? created.getString("secret") : null;
  }

  /** The webhook events received so far, in order, as "event severity state". */
  private List<String> hookEvents() {
    return hooks.stream()
        .map(h -> Json.createReader(new StringReader(h[2])).readObject())
        .map(
            b ->
                b.getString("event")
                    + " "
                    + b.getJsonObject("alert").getString("severity")
                    + " "
                    + b.getJsonObject("alert").getString("state"))
        .toList();
  }

  private JsonObject openAlert() throws Exception {
    JsonObject page =
        json(
            Edge.get(
                Edge.BASE + "/analytics/api/v1/alerts?kind=inlet_high&room=" + room,
                Edge.operatorToken()),
            200);
    return page.getJsonArray("alerts").isEmpty()
        ? null
        : page.getJsonArray("alerts").getJsonObject(0);
  }

  @Test
  void aTrippedCoolingUnitIsAlertedDeliveredAcknowledgedAndCleared() throws Exception {
    // a receiver that is this very service is refused, naming the field
    HttpResponse<String> self =
        Edge.send(
            "POST",
            Edge.BASE + "/analytics/api/v1/notifications/subscriptions",
            "{\"name\": \"self-"
                + room
                + "\", \"channels\": [{\"type\": \"REST\", \"url\": \""
                + Edge.BASE
                + "/analytics/api/v1/alerts\"}]}");
    assertEquals(400, self.statusCode(), self.body());
    assertEquals("channels[0].url", json(self, 400).getString("parameter"));

    String secret =
        subscribe(
            "hook-" + room,
            "{\"type\": \"REST\", \"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort()
                + "/hook\"}");
    subscribe("mail-" + room, "{\"type\": \"EMAIL\", \"recipients\": [\"on-call@example.test\"]}");
    JsonObject subscribed =
        json(
            Edge.get(
                Edge.BASE + "/analytics/api/v1/notifications/subscriptions", Edge.operatorToken()),
            200);
    assertTrue(subscribed.getInt("totalCount") >= 2, subscribed.toString());
    assertTrue(
        subscribed.getJsonArray("subscriptions").toString().contains("\"hook-" + room + "\""),
        subscribed.toString());
    assertTrue(!subscribed.toString().contains(secret), "no secret in the list");

    Path codeFile = Enrolments.codeFile(dir.resolve("code"), room + "-rc", "room-controller");
    String[] args = {
      "--ingest.url=" + Edge.BASE,
      "--ingest.tls.pin=" + Edge.hubPin(),
      "--device.name=" + room + "-rc",
      "--device.room=" + room,
      "--sensor=simulated",
      "--interval=1s",
      "--sim.trip-after=PT15S",
      "--sim.trip-duration=PT30S",
      "--sim.trip-heat-rate=20",
      "--state.dir=" + dir.resolve("state"),
      "--enrolment.code-file=" + codeFile
    };
    try (Agents agents = Agents.start(Settings.resolve(args, Map.of()))) {
      // the breach: raised, then critical
      await()
          .atMost(Duration.ofSeconds(75))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> hookEvents().contains("escalated critical raised"));
      assertEquals("raised warning raised", hookEvents().getFirst());
      JsonObject alert = openAlert();
      assertEquals("critical", alert.getString("severity"));

      // Prometheus sees the room and its open alert, with the scrape token; nobody anonymous does
      String gauges = Edge.BASE + "/analytics/api/v1/metrics";
      assertEquals(401, Edge.get(gauges).statusCode());
      assertEquals(401, Edge.get(gauges, "not-the-token").statusCode());
      String scraped = Edge.get(gauges, "it-scrape-token").body();
      assertTrue(
          scraped
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("setpoint_room_inlet_celsius{")
                          && l.contains("room=\"" + room + "\"")),
          scraped);
      assertTrue(
          scraped
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("setpoint_alerts_open{")
                          && l.contains("room=\"" + room + "\"")
                          && l.contains("kind=\"inlet_high\"")
                          && l.contains("severity=\"critical\"")),
          scraped);

      // every delivery is signed with the subscription's secret over timestamp.body
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      for (String[] h : hooks) {
        String expected =
            "sha256="
                + HexFormat.of()
                    .formatHex(mac.doFinal((h[0] + "." + h[2]).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, h[1], "signature of " + h[2]);
      }

      // an operator acknowledges it
      JsonObject acked =
          json(
              Edge.send(
                  "POST",
                  Edge.BASE + "/analytics/api/v1/alerts/" + alert.getString("id") + "/ack",
                  "{\"comment\": \"unit 1 tripped, engineer on the way\"}"),
              200);
      assertEquals("acknowledged", acked.getString("state"));

      // the unit comes back, the room cools, the alert clears
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> hookEvents().stream().anyMatch(e -> e.startsWith("cleared")));
    }
    List<String> events = hookEvents();
    assertTrue(events.contains("acknowledged critical acknowledged"), events.toString());
    JsonObject cleared =
        json(
            Edge.get(Edge.BASE + "/analytics/api/v1/alerts/" + openAlertId(), Edge.operatorToken()),
            200);
    assertEquals("cleared", cleared.getString("state"));
    assertEquals("unit 1 tripped, engineer on the way", cleared.getString("comment"));

    // the room's monthly report lists the alert
    String month =
        java.time.YearMonth.from(
                java.time.Instant.parse(cleared.getString("raisedAt"))
                    .atZone(java.time.ZoneOffset.UTC))
            .toString();
    HttpResponse<String> listed =
        Edge.get(
            Edge.BASE + "/analytics/api/v1/rooms/" + room + "/reports/" + month + "/room-alerts",
            Edge.operatorToken());
    assertEquals(200, listed.statusCode(), listed.body());
    assertTrue(listed.body().contains("inlet_high"), listed.body());

    // the same events by e-mail
    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 4);
    List<String> subjects = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      subjects.add(m.getSubject());
      assertEquals("on-call@example.test", m.getAllRecipients()[0].toString());
    }
    assertTrue(subjects.stream().allMatch(s -> s.contains(room)), subjects.toString());
    assertTrue(
        subjects.stream().anyMatch(s -> s.toLowerCase().contains("clear")), subjects.toString());

    // each delivery is recorded as a transmission
    JsonObject sent =
        json(
            Edge.get(
                Edge.BASE
                    + "/analytics/api/v1/notifications/transmissions?subscription=hook-"
                    + room,
                Edge.operatorToken()),
            200);
    assertTrue(sent.getInt("totalCount") >= 4, sent.toString());
  }

  private String openAlertId() throws Exception {
    JsonObject page =
        json(
            Edge.get(
                Edge.BASE + "/analytics/api/v1/alerts?kind=inlet_high&room=" + room,
                Edge.operatorToken()),
            200);
    return page.getJsonArray("alerts").getJsonObject(0).getString("id");
  }
}
