package dev.setpoint.analytics.infrastructure.notify;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.notify.Alerts;
import dev.setpoint.analytics.application.notify.InMemorySubscriptionStore;
import dev.setpoint.analytics.application.notify.InMemoryTransmissionStore;
import dev.setpoint.analytics.application.notify.Notifications;
import dev.setpoint.analytics.application.notify.RetryPolicy;
import dev.setpoint.analytics.application.notify.WebhookTargets;
import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.ChannelType;
import dev.setpoint.analytics.domain.notify.SendResult;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionRecord;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import dev.setpoint.contracts.alert.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks to real receivers (the JDK's HTTP server): the body and signature they get, a receiver
 * that fails and then takes it, one that hangs past the timeout, redirects and URLs refused.
 */
class WebhookSenderTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:05Z");

  /** A subscription's secret, made for this run: no credential-like literal in the sources. */
  private static final String SECRET = java.util.UUID.randomUUID().toString().replace("-", "");

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final WebhookTargets targets =
      new WebhookTargets(Set.of(9080, 9443), WebhookTargets.SYSTEM);
  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4);
  private Receiver receiver;
  private Receiver other;

  @AfterEach
  void stop() {
    executor.shutdownNow();
    if (receiver != null) {
      receiver.close();
    }
    if (other != null) {
      other.close();
    }
  }

  private static Subscription subscription(Channel... channels) {
    return new Subscription(
        "ops",
        null,
        null,
        List.of(channels),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        AdminState.UNLOCKED,
        SECRET,
        Alerts.T0,
        Alerts.T0,
        null);
  }

  private static Transmission transmission(Channel channel, Alert alert, AlertEvent event) {
    return Transmission.pending("n1", "ops", channel, alert, event, Alerts.T0);
  }

  private static JsonObject json(byte[] body) {
    try (var reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }

  @Test
  void aWebhookCarriesTheAlertAndIsSignedOverTimestampDotBody() throws Exception {
    receiver = new Receiver(n -> 204);
    WebhookChannel channel = new WebhookChannel(receiver.url(), WebhookFormat.JSON);
    WebhookSender sender = new WebhookSender(TIMEOUT, targets, Clock.fixed(NOW, ZoneOffset.UTC));
    Transmission t = transmission(channel, Alerts.hot(), AlertEvent.RAISED);

    SendResult result = sender.send(t, subscription(channel));

    assertEquals(SendResult.delivered("HTTP 204"), result);
    Receiver.Request r = receiver.requests().get(0);
    assertEquals("POST", r.method());
    assertTrue(r.header("Content-Type").startsWith("application/json"));
    assertEquals(t.id(), r.header("X-Setpoint-Delivery"));
    assertEquals("raised", r.header("X-Setpoint-Event"));
    String timestamp = r.header("X-Setpoint-Timestamp");
    assertEquals(Long.toString(NOW.getEpochSecond()), timestamp);

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
    assertEquals(expected, r.header("X-Setpoint-Signature"), "as the README tells receivers");
    assertTrue(
        WebhookSignature.verify(
            SECRET,
            timestamp,
            r.header("X-Setpoint-Signature"),
            r.body(),
            NOW.plusSeconds(10),
            Duration.ofMinutes(5)));

    JsonObject body = json(r.body());
    assertEquals("raised", body.getString("event"));
    assertEquals(t.id(), body.getString("transmission"));
    assertEquals("ops", body.getString("subscription"));
    JsonObject alert = body.getJsonObject("alert");
    assertEquals(Alerts.hot().id(), alert.getString("id"));
    assertEquals("inlet_high", alert.getString("kind"));
    assertEquals("critical", alert.getString("severity"));
    assertEquals("raised", alert.getString("state"));
    assertEquals("hall-a", alert.getString("room"));
    assertEquals("gwangju", alert.getString("site"));
    assertEquals(28.4, alert.getJsonNumber("value").doubleValue());
    assertEquals(27.0, alert.getJsonNumber("threshold").doubleValue());
    assertEquals("2026-12-01T08:00:00Z", alert.getString("raisedAt"));
    assertFalse(alert.containsKey("device"), "null members are left out");
  }

  @Test
  void aSlackWebhookGetsATextMessageWithSlacksEscapes() throws Exception {
    receiver = new Receiver(n -> 200);
    WebhookChannel channel = new WebhookChannel(receiver.url(), WebhookFormat.SLACK);
    Alert alert =
        Alerts.hot()
            .updated(
                dev.setpoint.contracts.alert.Severity.CRITICAL,
                28.4,
                27.0,
                "inlet <!channel> & more",
                Alerts.T0)
            .acknowledged("ops", "on it", Alerts.T0.plusSeconds(60));

    SendResult result =
        new WebhookSender(TIMEOUT, targets, Clock.systemUTC())
            .send(transmission(channel, alert, AlertEvent.ACKNOWLEDGED), subscription(channel));

    assertTrue(result.delivered(), result.toString());
    JsonObject body = json(receiver.requests().get(0).body());
    assertEquals(Set.of("text"), body.keySet());
    String text = body.getString("text");
    assertTrue(text.startsWith("*CRITICAL inlet_high acknowledged: hall-a*\n"), text);
    assertTrue(text.contains("inlet &lt;!channel&gt; &amp; more"), text);
    assertTrue(text.contains("site gwangju, room hall-a, value 28.4 (limit 27)"), text);
    assertTrue(text.contains("acknowledged by ops: on it"), text);
    assertTrue(receiver.requests().get(0).header("X-Setpoint-Signature").startsWith("sha256="));
  }

  @Test
  void aReceiverThatAnswers500ThenTakesItOnTheNextAttemptWithTheSameDeliveryAndBody()
      throws Exception {
    receiver = new Receiver(n -> n == 1 ? 500 : 200);
    WebhookChannel channel = new WebhookChannel(receiver.url(), WebhookFormat.JSON);
    InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    subscriptions.save(subscription(channel));
    InMemoryTransmissionStore transmissions = new InMemoryTransmissionStore();
    Notifications notifications =
        new Notifications(
            subscriptions,
            transmissions,
            Map.of(ChannelType.REST, new WebhookSender(TIMEOUT, targets, Clock.systemUTC())),
            executor,
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(200)),
            Clock.systemUTC());

    notifications.notify(Alerts.hot(), AlertEvent.RAISED);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                transmissions.latest().size() == 1
                    && transmissions.latest().get(0).status() == TransmissionStatus.SENT);
    Transmission sent = transmissions.latest().get(0);
    assertEquals(
        List.of("HTTP 500", "HTTP 200"),
        sent.records().stream().map(TransmissionRecord::response).toList());
    assertEquals(
        List.of(TransmissionStatus.PENDING, TransmissionStatus.RESENDING, TransmissionStatus.SENT),
        transmissions.statuses(sent.id()));
    List<Receiver.Request> requests = receiver.requests();
    assertEquals(2, requests.size());
    assertEquals(
        requests.get(0).header("X-Setpoint-Delivery"),
        requests.get(1).header("X-Setpoint-Delivery"),
        "a receiver de-duplicates by it");
    assertArrayEquals(requests.get(0).body(), requests.get(1).body());
    notifications.stop();
  }

  @Test
  void aReceiverThatHangsFailsTheAttemptAtTheTimeoutAndDelaysOnlyItsChannel() throws Exception {
    receiver = new Receiver(n -> 0);
    other = new Receiver(n -> 200);
    WebhookChannel hangs = new WebhookChannel(receiver.url(), WebhookFormat.JSON);
    WebhookChannel fine = new WebhookChannel(other.url(), WebhookFormat.JSON);
    WebhookSender sender = new WebhookSender(TIMEOUT, targets, Clock.systemUTC());

    long start = System.nanoTime();
    SendResult result =
        sender.send(transmission(hangs, Alerts.hot(), AlertEvent.RAISED), subscription(hangs));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(SendResult.failed("no answer within PT0.5S"), result);
    assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);

    InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    subscriptions.save(subscription(hangs, fine));
    InMemoryTransmissionStore transmissions = new InMemoryTransmissionStore();
    Notifications notifications =
        new Notifications(
            subscriptions,
            transmissions,
            Map.of(ChannelType.REST, sender),
            executor,
            new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(100)),
            Clock.systemUTC());
    notifications.notify(Alerts.hot(), AlertEvent.RAISED);
    notifications.notify(Alerts.hot(), AlertEvent.REMINDER);

    await().atMost(Duration.ofMillis(400)).until(() -> other.requests().size() == 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                transmissions.latest().stream()
                        .filter(t -> t.channel().equals(hangs))
                        .filter(t -> t.status() == TransmissionStatus.FAILED)
                        .count()
                    == 2);
    assertEquals(
        Set.of("no answer within PT0.5S"),
        Set.copyOf(
            transmissions.latest().stream()
                .filter(t -> t.channel().equals(hangs))
                .flatMap(t -> t.records().stream())
                .map(TransmissionRecord::response)
                .toList()));
    notifications.stop();
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    receiver = new Receiver(n -> 307);
    WebhookChannel channel = new WebhookChannel(receiver.url(), WebhookFormat.JSON);
    assertEquals(
        SendResult.failed("HTTP 307"),
        new WebhookSender(TIMEOUT, targets, Clock.systemUTC())
            .send(transmission(channel, Alerts.hot(), AlertEvent.RAISED), subscription(channel)));
  }

  @Test
  void aReceiverThatIsNotListeningFailsTheAttempt() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    WebhookChannel channel =
        new WebhookChannel(URI.create("http://127.0.0.1:" + port + "/hook"), WebhookFormat.JSON);
    SendResult result =
        new WebhookSender(TIMEOUT, targets, Clock.systemUTC())
            .send(transmission(channel, Alerts.hot(), AlertEvent.RAISED), subscription(channel));
    assertFalse(result.delivered());
    assertTrue(result.response().startsWith("could not connect"), result.response());
  }

  @Test
  void aUrlThatPointsAtThisServiceIsNotCalled() throws Exception {
    receiver = new Receiver(n -> 200);
    WebhookTargets self = new WebhookTargets(Set.of(receiver.port()), WebhookTargets.SYSTEM);
    WebhookChannel channel = new WebhookChannel(receiver.url(), WebhookFormat.JSON);

    SendResult result =
        new WebhookSender(TIMEOUT, self, Clock.systemUTC())
            .send(transmission(channel, Alerts.hot(), AlertEvent.RAISED), subscription(channel));

    assertFalse(result.delivered());
    assertTrue(
        result.response().startsWith("not sent: the url points at this service itself"),
        result.response());
    assertEquals(List.of(), receiver.requests());
  }
}
