package dev.setpoint.analytics.infrastructure.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.notify.Alerts;
import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionPage;
import dev.setpoint.analytics.domain.notify.TransmissionQuery;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.analytics.infrastructure.store.TestMongo;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions and transmissions written to a MongoDB-wire server through JNoSQL and read back
 * as they were: every field, the latest revision winning, deletions, the open ones, paging.
 */
class JnosqlNotificationStoresTest {
  private static final Instant T0 = Alerts.T0;

  private final TestMongo mongo = new TestMongo();
  private final JnosqlSubscriptionStore subscriptions = new JnosqlSubscriptionStore(mongo.database);
  private final JnosqlTransmissionStore transmissions = new JnosqlTransmissionStore(mongo.database);

  @AfterEach
  void stop() {
    mongo.close();
  }

  static Subscription subscription(String name) {
    return new Subscription(
        name,
        "the night shift",
        "ops",
        List.of(
            new WebhookChannel(URI.create("https://hooks.example.com/a?b=c"), WebhookFormat.SLACK),
            new EmailChannel(List.of("ops@example.com", "lead@example.com"))),
        Set.of(Severity.CRITICAL),
        Set.of(AlertKind.INLET_HIGH, AlertKind.DEW_POINT),
        Set.of(AlertEvent.RAISED, AlertEvent.CLEARED),
        Set.of("gwangju"),
        Set.of("hall-a", "hall-b"),
        AdminState.UNLOCKED,
        "0123abcd",
        T0,
        T0.plusSeconds(5),
        "operator");
  }

  @Test
  void aSubscriptionReadsBackAsStoredAndItsLatestChangeWins() {
    Subscription s = subscription("night");
    subscriptions.save(s);
    assertEquals(Optional.of(s), subscriptions.find("night"));

    Subscription locked =
        new Subscription(
            "night",
            null,
            null,
            List.of(new EmailChannel(List.of("ops@example.com"))),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            AdminState.LOCKED,
            "0123abcd",
            T0,
            T0.plusSeconds(9),
            null);
    subscriptions.save(locked);
    subscriptions.save(subscription("day"));

    assertEquals(Optional.of(locked), subscriptions.find("night"));
    assertEquals(Set.of(locked, subscription("day")), Set.copyOf(subscriptions.all()), "one each");
  }

  @Test
  void aDeletedSubscriptionIsGoneAndItsNameCanBeTakenAgain() {
    subscriptions.save(subscription("night"));
    subscriptions.delete("night", T0.plusSeconds(60), "operator");

    assertEquals(Optional.empty(), subscriptions.find("night"));
    assertEquals(List.of(), subscriptions.all());

    subscriptions.save(subscription("night"));
    assertEquals(Optional.of(subscription("night")), subscriptions.find("night"));
  }

  private static Transmission pending(String notification, Alert alert, Instant created) {
    return Transmission.pending(
        notification,
        "night",
        new WebhookChannel(URI.create("http://receiver.example.com/hook"), WebhookFormat.JSON),
        alert,
        AlertEvent.RAISED,
        created);
  }

  @Test
  void aTransmissionReadsBackWithItsAlertAndAttemptsAndItsLatestStateWins() {
    Alert alert =
        Alerts.hot()
            .acknowledged("operator", "on it", T0.plusSeconds(30))
            .notified(T0.plusSeconds(31));
    Transmission t = pending("n1", alert, T0);
    transmissions.save(t);
    assertEquals(List.of(t), transmissions.open());

    Transmission failed = t.resending(T0.plusSeconds(1), "HTTP 500", T0.plusSeconds(31));
    transmissions.save(failed);
    assertEquals(List.of(failed), transmissions.open());

    Transmission sent = failed.sent(T0.plusSeconds(31), "HTTP 204");
    transmissions.save(sent);
    assertEquals(List.of(), transmissions.open());
    TransmissionPage all = transmissions.find(new TransmissionQuery(null, null, 0, 10));
    assertEquals(List.of(sent), all.transmissions());
    assertEquals(1, all.total());
    assertEquals(2, sent.attempts());
  }

  @Test
  void anEmailTransmissionWithoutOptionalFieldsReadsBack() {
    Alert alert =
        new Alert(
            "a1",
            AlertKind.CONSUMER_LAG,
            Severity.WARNING,
            dev.setpoint.analytics.domain.alert.AlertState.RAISED,
            "analytics",
            null,
            null,
            null,
            null,
            null,
            null,
            T0,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    Transmission t =
        Transmission.pending(
                "n2",
                "mail",
                new EmailChannel(List.of("ops@example.com")),
                alert,
                AlertEvent.REMINDER,
                T0)
            .failed(T0.plusSeconds(1), null);
    transmissions.save(t);
    assertEquals(
        List.of(t), transmissions.find(new TransmissionQuery(null, null, 0, 10)).transmissions());
  }

  @Test
  void transmissionsAreListedNewestFirstByStatusAndSubscriptionAPageAtATime() {
    for (int i = 0; i < 5; i++) {
      Transmission t = pending("n" + i, Alerts.hot(), T0.plusSeconds(i));
      transmissions.save(i % 2 == 0 ? t.sent(T0.plusSeconds(i), "HTTP 200") : t);
    }
    TransmissionPage page = transmissions.find(new TransmissionQuery(null, null, 1, 2));
    assertEquals(5, page.total());
    assertEquals(
        List.of(T0.plusSeconds(2), T0.plusSeconds(1)),
        page.transmissions().stream().map(Transmission::created).toList());

    TransmissionPage sent =
        transmissions.find(new TransmissionQuery(TransmissionStatus.SENT, "night", 0, 10));
    assertEquals(3, sent.total());
    assertTrue(sent.transmissions().stream().allMatch(t -> t.status() == TransmissionStatus.SENT));
    assertEquals(
        0, transmissions.find(new TransmissionQuery(null, "other", 0, 10)).total(), "by name");
    assertEquals(
        List.of(), transmissions.find(new TransmissionQuery(null, null, 3, 2)).transmissions());
  }

  @Test
  void aStoreThatDoesNotAnswerIsUnavailable() {
    mongo.stopServer();
    assertThrows(ControlStoreUnavailableException.class, subscriptions::all);
    assertThrows(
        ControlStoreUnavailableException.class,
        () -> transmissions.save(pending("n", Alerts.hot(), T0)));
  }
}
