package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.notify.Alerts;
import dev.setpoint.analytics.application.notify.SubscriptionDraft;
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
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The notification API's bodies and parameters: strict reading with the field at fault named, the
 * secret shown only when made, the transmissions' page; the resource itself runs on Liberty.
 */
class NotificationResourceTest {
  private static final String FULL =
      """
      {"name": "night", "description": "the night shift", "receiver": "ops",
       "channels": [
         {"type": "REST", "url": "https://hooks.example.com/a", "format": "slack"},
         {"type": "REST", "url": " https://hooks.example.com/b "},
         {"type": "EMAIL", "recipients": ["ops@example.com"]}],
       "severities": ["critical"], "kinds": ["inlet_high", "dew_point"],
       "events": ["raised", "cleared"], "sites": ["gwangju"], "rooms": ["hall-a", "hall-b"],
       "adminState": "LOCKED"}
      """;

  private static String refusedField(String body, boolean update) {
    return assertThrows(
            InvalidHistoryRequestException.class,
            () -> NotificationResource.request(body, update),
            body)
        .parameter();
  }

  @Test
  void aFullBodyReadsAsTheSubscriptionItDescribes() {
    NotificationResource.Request r = NotificationResource.request(FULL, false);
    SubscriptionDraft d = r.draft();
    assertEquals("night", d.name());
    assertEquals("the night shift", d.description());
    assertEquals("ops", d.receiver());
    assertEquals(
        List.of(
            new WebhookChannel(URI.create("https://hooks.example.com/a"), WebhookFormat.SLACK),
            new WebhookChannel(URI.create("https://hooks.example.com/b"), WebhookFormat.JSON),
            new EmailChannel(List.of("ops@example.com"))),
        d.channels());
    assertEquals(Set.of(Severity.CRITICAL), d.severities());
    assertEquals(Set.of(AlertKind.INLET_HIGH, AlertKind.DEW_POINT), d.kinds());
    assertEquals(Set.of(AlertEvent.RAISED, AlertEvent.CLEARED), d.events());
    assertEquals(List.of("gwangju"), d.sites());
    assertEquals(List.of("hall-a", "hall-b"), d.rooms());
    assertEquals(AdminState.LOCKED, d.adminState());
    assertFalse(r.rotateSecret());
  }

  @Test
  void aMinimalBodyTakesEveryAlertUnlocked() {
    SubscriptionDraft d =
        NotificationResource.request(
                "{\"name\":\"n\",\"channels\":[{\"type\":\"REST\",\"url\":\"https://a.example\"}]}",
                false)
            .draft();
    assertEquals(Set.of(), d.severities());
    assertEquals(List.of(), d.sites());
    assertEquals(AdminState.UNLOCKED, d.adminState());
    assertNull(d.description());
  }

  @Test
  void aChangeMayLeaveOutTheNameAndAskForANewSecret() {
    NotificationResource.Request r =
        NotificationResource.request(
            "{\"channels\":[{\"type\":\"EMAIL\",\"recipients\":[\"a@b.c\"]}],\"rotateSecret\":true}",
            true);
    assertNull(r.draft().name());
    assertTrue(r.rotateSecret());
  }

  @Test
  void eachRefusalNamesTheFieldAtFault() {
    String hook = "{\"type\":\"REST\",\"url\":\"https://a.example\"}";
    assertEquals("body", refusedField("", false));
    assertEquals("body", refusedField("[1]", false));
    assertEquals("body", refusedField("{\"name\":", false));
    assertEquals("name", refusedField("{\"channels\":[" + hook + "]}", false));
    assertEquals("name", refusedField("{\"name\":1,\"channels\":[" + hook + "]}", false));
    assertEquals("channels", refusedField("{\"name\":\"n\"}", false));
    assertEquals("channels", refusedField("{\"name\":\"n\",\"channels\":{}}", false));
    assertEquals(
        "secret", refusedField("{\"name\":\"n\",\"secret\":\"x\",\"channels\":[]}", false));
    assertEquals(
        "rotateSecret",
        refusedField("{\"name\":\"n\",\"rotateSecret\":true,\"channels\":[" + hook + "]}", false),
        "only a change makes a new secret");
    assertEquals(
        "rotateSecret",
        refusedField("{\"rotateSecret\":\"yes\",\"channels\":[" + hook + "]}", true));
    assertEquals("channels[0]", refusedField("{\"name\":\"n\",\"channels\":[\"x\"]}", false));
    assertEquals(
        "channels[0].type",
        refusedField("{\"name\":\"n\",\"channels\":[{\"type\":\"SMS\"}]}", false));
    assertEquals(
        "channels[1].url",
        refusedField("{\"name\":\"n\",\"channels\":[" + hook + ",{\"type\":\"REST\"}]}", false));
    assertEquals(
        "channels[0].url",
        refusedField(
            "{\"name\":\"n\",\"channels\":[{\"type\":\"REST\",\"url\":\"http://a b\"}]}", false));
    assertEquals(
        "channels[0].format",
        refusedField(
            "{\"name\":\"n\",\"channels\":[{\"type\":\"REST\",\"url\":\"https://a\",\"format\":\"xml\"}]}",
            false));
    assertEquals(
        "channels[0].recipients",
        refusedField(
            "{\"name\":\"n\",\"channels\":[{\"type\":\"REST\",\"url\":\"https://a\",\"recipients\":[]}]}",
            false));
    assertEquals(
        "channels[0].recipients[1]",
        refusedField(
            "{\"name\":\"n\",\"channels\":[{\"type\":\"EMAIL\",\"recipients\":[\"a@b.c\",2]}]}",
            false));
    assertEquals(
        "severities[1]",
        refusedField(
            "{\"name\":\"n\",\"severities\":[\"critical\",\"fatal\"],\"channels\":[" + hook + "]}",
            false));
    assertEquals(
        "kinds[0]",
        refusedField(
            "{\"name\":\"n\",\"kinds\":[\"INLET_HIGH\"],\"channels\":[" + hook + "]}", false));
    assertEquals(
        "events[0]",
        refusedField(
            "{\"name\":\"n\",\"events\":[\"opened\"],\"channels\":[" + hook + "]}", false));
    assertEquals(
        "sites",
        refusedField("{\"name\":\"n\",\"sites\":\"gwangju\",\"channels\":[" + hook + "]}", false));
    assertEquals(
        "adminState",
        refusedField("{\"name\":\"n\",\"adminState\":\"OFF\",\"channels\":[" + hook + "]}", false));
    assertEquals(
        "body",
        refusedField("{\"name\":\"" + "x".repeat(NotificationResource.MAX_BODY) + "\"}", false));
  }

  private static Subscription subscription() {
    return new Subscription(
        "night",
        "the night shift",
        null,
        List.of(
            new WebhookChannel(URI.create("https://hooks.example.com/a"), WebhookFormat.SLACK),
            new EmailChannel(List.of("ops@example.com"))),
        Set.of(Severity.CRITICAL, Severity.WARNING),
        Set.of(),
        Set.of(AlertEvent.CLEARED, AlertEvent.RAISED),
        Set.of("gwangju"),
        Set.of(),
        AdminState.UNLOCKED,
        "the-secret",
        Alerts.T0,
        Alerts.T0.plusSeconds(60),
        "operator");
  }

  @Test
  void theSecretIsShownOnlyWhenItIsMade() {
    JsonObject shown = NotificationResource.view(subscription(), false);
    assertFalse(shown.containsKey("secret"), shown.toString());
    assertFalse(shown.toString().contains("the-secret"));
    assertEquals("the-secret", NotificationResource.view(subscription(), true).getString("secret"));

    assertEquals("night", shown.getString("name"));
    assertEquals(
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("type", "REST")
                    .add("url", "https://hooks.example.com/a")
                    .add("format", "slack"))
            .add(
                Json.createObjectBuilder()
                    .add("type", "EMAIL")
                    .add("recipients", Json.createArrayBuilder().add("ops@example.com")))
            .build(),
        shown.getJsonArray("channels"));
    assertEquals(
        Json.createArrayBuilder().add("warning").add("critical").build(),
        shown.getJsonArray("severities"));
    assertEquals(
        Json.createArrayBuilder().add("raised").add("cleared").build(),
        shown.getJsonArray("events"));
    assertEquals(0, shown.getJsonArray("kinds").size(), "any kind");
    assertEquals("UNLOCKED", shown.getString("adminState"));
    assertEquals("2026-12-01T08:00:00Z", shown.getString("created"));
    assertEquals("operator", shown.getString("modifiedBy"));
    assertFalse(shown.containsKey("receiver"));
  }

  @Test
  void aTransmissionShowsItsChannelAlertStatusAndAttempts() {
    Transmission t =
        Transmission.pending(
                "n1",
                "night",
                new WebhookChannel(URI.create("https://hooks.example.com/a"), WebhookFormat.JSON),
                Alerts.hot(),
                AlertEvent.RAISED,
                Alerts.T0)
            .resending(Alerts.T0.plusSeconds(1), "HTTP 500", Alerts.T0.plusSeconds(31));
    JsonObject page =
        NotificationResource.json(
            new TransmissionPage(List.of(t), 7), new TransmissionQuery(null, null, 2, 3));

    assertEquals(2, page.getInt("page"));
    assertEquals(3, page.getInt("size"));
    assertEquals(7, page.getInt("totalCount"));
    JsonObject v = page.getJsonArray("transmissions").getJsonObject(0);
    assertEquals(t.id(), v.getString("id"));
    assertEquals("night", v.getString("subscriptionName"));
    assertEquals("n1", v.getString("notificationId"));
    assertEquals("RESENDING", v.getString("status"));
    assertEquals(1, v.getInt("attempts"));
    assertEquals(0, v.getInt("resendCount"));
    assertEquals("2026-12-01T08:00:31Z", v.getString("nextAttemptAt"));
    assertEquals("raised", v.getString("event"));
    assertEquals("REST", v.getJsonObject("channel").getString("type"));
    assertEquals("inlet_high", v.getJsonObject("alert").getString("kind"));
    assertEquals("hall-a", v.getJsonObject("alert").getString("room"));
    JsonObject record = v.getJsonArray("records").getJsonObject(0);
    assertEquals("FAILED", record.getString("status"));
    assertEquals("HTTP 500", record.getString("response"));
    assertEquals("2026-12-01T08:00:01Z", record.getString("sent"));
  }

  @Test
  void theTransmissionsQueryReadsItsParametersOrNamesTheOneAtFault() {
    TransmissionQuery q = NotificationResource.query(null, null, null, null);
    assertEquals(new TransmissionQuery(null, null, 0, 50), q);
    assertEquals(
        new TransmissionQuery(TransmissionStatus.FAILED, "night", 3, 500),
        NotificationResource.query("failed", "night", "3", "500"));
    for (String[] bad :
        new String[][] {
          {"status", "LOST", null, null, null},
          {"subscription", null, "a b", null, null},
          {"page", null, null, "-1", null},
          {"page", null, null, "one", null},
          {"size", null, null, null, "0"},
          {"size", null, null, null, "501"}
        }) {
      assertEquals(
          bad[0],
          assertThrows(
                  InvalidHistoryRequestException.class,
                  () -> NotificationResource.query(bad[1], bad[2], bad[3], bad[4]))
              .parameter());
    }
  }
}
