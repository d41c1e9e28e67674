package dev.setpoint.analytics.application.notify;

import static dev.setpoint.analytics.application.audit.MemoryAuditStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.application.notify.WebhookTargets.HostPort;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.audit.AuditRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Subscriptions made, changed and removed, each checked first, with a secret of its own. */
class SubscriptionsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final List<HostPort> SELF = List.of(new HostPort("setpoint.example.com", 443));

  private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
  private final MemoryAuditStore audit = new MemoryAuditStore();
  private final AtomicInteger secrets = new AtomicInteger();
  private final WebhookTargets targets =
      new WebhookTargets(Set.of(9080, 9443), WebhookTargets.SYSTEM);
  private final Subscriptions subscriptions =
      new Subscriptions(
          store,
          audit.trail(),
          targets,
          true,
          () -> "secret-" + secrets.incrementAndGet(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static SubscriptionDraft draft(String name, Channel... channels) {
    return new SubscriptionDraft(
        name,
        "the night shift",
        "ops",
        List.of(channels),
        Set.of(Severity.CRITICAL),
        Set.of(),
        Set.of(),
        List.of("gwangju"),
        List.of(),
        null);
  }

  private static WebhookChannel hook(String url) {
    return new WebhookChannel(URI.create(url), WebhookFormat.JSON);
  }

  private static InvalidSubscriptionException refused(Runnable call) {
    return assertThrows(InvalidSubscriptionException.class, call::run);
  }

  @Test
  void aNewSubscriptionIsStoredWithANewSecretThatItsCreationAnswers() {
    Subscription s =
        subscriptions.create(
            draft("night", hook("https://hooks.example.com/a")), operator("operator"), SELF);

    assertEquals("secret-1", s.secret());
    assertEquals(NOW, s.created());
    assertEquals("operator", s.modifiedBy());
    assertEquals(AdminState.UNLOCKED, s.adminState());
    assertEquals(Set.of("gwangju"), s.sites());
    assertEquals(Optional.of(s), store.find("night"));
    assertEquals(List.of(s), subscriptions.all());
  }

  @Test
  void aTakenNameIsAConflict() {
    subscriptions.create(
        draft("night", hook("https://hooks.example.com/a")), operator("operator"), SELF);
    assertThrows(
        SubscriptionConflictException.class,
        () ->
            subscriptions.create(
                draft("night", hook("https://hooks.example.com/b")), operator("operator"), SELF));
  }

  @Test
  void eachRefusalNamesItsField() {
    assertEquals(
        "name",
        refused(
                () ->
                    subscriptions.create(
                        draft(null, hook("https://a.example")), operator("o"), SELF))
            .field());
    assertEquals(
        "name",
        refused(
                () ->
                    subscriptions.create(
                        draft("night shift", hook("https://a.example")), operator("o"), SELF))
            .field());
    assertEquals(
        "channels", refused(() -> subscriptions.create(draft("n"), operator("o"), SELF)).field());

    InvalidSubscriptionException ftp =
        refused(
            () ->
                subscriptions.create(
                    draft("n", hook("https://a.example/x"), hook("ftp://a.example/x")),
                    operator("o"),
                    SELF));
    assertEquals("channels[1].url", ftp.field());
    assertTrue(ftp.getMessage().contains("http or https"), ftp.getMessage());

    InvalidSubscriptionException self =
        refused(
            () ->
                subscriptions.create(
                    draft("n", hook("http://localhost:9080/analytics/api")), operator("o"), SELF));
    assertEquals("channels[0].url", self.field());
    assertTrue(self.getMessage().contains("this service itself"), self.getMessage());
    assertEquals(
        "channels[0].url",
        refused(
                () ->
                    subscriptions.create(
                        draft("n", hook("https://setpoint.example.com/hook")), operator("o"), SELF))
            .field(),
        "the host the request came by");

    assertEquals(
        "channels[0].recipients[1]",
        refused(
                () ->
                    subscriptions.create(
                        draft(
                            "n",
                            new EmailChannel(
                                List.of("ops@example.com", "ops@example.com\r\nBcc: x@y.z"))),
                        operator("o"),
                        SELF))
            .field());
    assertEquals(
        "channels[0].recipients",
        refused(
                () ->
                    subscriptions.create(
                        draft("n", new EmailChannel(List.of())), operator("o"), SELF))
            .field());
    assertEquals(
        "channels[1]",
        refused(
                () ->
                    subscriptions.create(
                        draft("n", hook("https://a.example/x"), hook("https://a.example/x")),
                        operator("o"),
                        SELF))
            .field(),
        "a repeated channel");
    assertEquals(
        "sites[0]",
        refused(
                () ->
                    subscriptions.create(
                        new SubscriptionDraft(
                            "n",
                            null,
                            null,
                            List.of(hook("https://a.example")),
                            null,
                            null,
                            null,
                            List.of(""),
                            null,
                            null),
                        operator("o"),
                        SELF))
            .field());
    assertEquals(List.of(), store.all(), "nothing stored");
  }

  @Test
  void anEmailChannelNeedsAnSmtpServer() {
    Subscriptions noMail =
        new Subscriptions(
            store, audit.trail(), targets, false, () -> "s", Clock.fixed(NOW, ZoneOffset.UTC));
    assertEquals(
        "channels[0].type",
        refused(
                () ->
                    noMail.create(
                        draft("n", new EmailChannel(List.of("ops@example.com"))),
                        operator("o"),
                        SELF))
            .field());
  }

  @Test
  void aChangeKeepsNameCreationAndSecretUnlessANewSecretIsAskedFor() {
    Subscription made =
        subscriptions.create(draft("night", hook("https://a.example/x")), operator("alice"), SELF);

    Subscription changed =
        subscriptions
            .update(
                "night",
                new SubscriptionDraft(
                    null,
                    null,
                    null,
                    List.of(new EmailChannel(List.of("ops@example.com"))),
                    null,
                    null,
                    null,
                    null,
                    null,
                    AdminState.LOCKED),
                false,
                operator("bob"),
                SELF)
            .orElseThrow();
    assertEquals(made.secret(), changed.secret());
    assertEquals(made.created(), changed.created());
    assertEquals("bob", changed.modifiedBy());
    assertEquals(AdminState.LOCKED, changed.adminState());
    assertEquals(Set.of(), changed.severities(), "a change replaces the whole subscription");

    Subscription rotated =
        subscriptions
            .update("night", draft(null, hook("https://a.example/x")), true, operator("bob"), SELF)
            .orElseThrow();
    assertNotEquals(made.secret(), rotated.secret());
    assertEquals(Optional.of(rotated), store.find("night"));

    assertEquals(
        "name",
        refused(
                () ->
                    subscriptions.update(
                        "night",
                        draft("day", hook("https://a.example/x")),
                        false,
                        operator("bob"),
                        SELF))
            .field());
    assertEquals(
        Optional.empty(),
        subscriptions.update(
            "day", draft(null, hook("https://a.example/x")), false, operator("bob"), SELF));
  }

  @Test
  void aRemovedSubscriptionIsGone() {
    subscriptions.create(draft("night", hook("https://a.example/x")), operator("alice"), SELF);
    assertTrue(subscriptions.delete("night", operator("alice")));
    assertFalse(subscriptions.delete("night", operator("alice")));
    assertEquals(Optional.empty(), subscriptions.find("night"));
    assertEquals(
        List.of("create", "delete"),
        audit.of("subscription").stream().map(AuditRecord::action).toList());
  }

  @Test
  void changesAreAuditedWithoutTheSecretOrTheWebhooksPath() {
    subscriptions.create(
        draft("night", hook("https://hooks.example.com:8443/services/T0/B0/key?token=k")),
        operator("alice"),
        SELF);
    subscriptions.update(
        "night", draft(null, hook("https://hooks.example.com/other")), true, operator("bob"), SELF);

    List<AuditRecord> records = audit.of("subscription");
    assertEquals(2, records.size());
    AuditRecord made = records.get(0);
    assertEquals("create", made.action());
    assertEquals("night", made.target());
    assertEquals("alice", made.actor());
    assertEquals(null, made.before());
    assertTrue(made.after().contains("REST https://hooks.example.com:8443"), made.after());
    AuditRecord changed = records.get(1);
    assertEquals("update", changed.action());
    assertTrue(changed.after().contains("\"secretChanged\":true"), changed.after());
    for (AuditRecord r : records) {
      String text = r.before() + " " + r.after();
      for (String hidden : List.of("secret-1", "secret-2", "/services", "key", "token", "/other")) {
        assertFalse(text.contains(hidden), hidden + " in " + text);
      }
    }
  }

  @Test
  void aNewSecretIs32RandomBytesInHex() {
    String a = Subscriptions.newSecret();
    assertTrue(a.matches("[0-9a-f]{64}"), a);
    assertNotEquals(a, Subscriptions.newSecret());
  }
}
