package dev.setpoint.analytics.application.notify;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.notify.WebhookTargets.HostPort;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.SubscriptionStore;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The subscriptions, for operators: each checked before it is stored (its name, its channels, its
 * filters), and given a secret of its own when it is made, which signs its webhooks. The secret is
 * answered by {@link #create} (and by {@link #update} when asked to replace it) and never again.
 */
public final class Subscriptions {
  /** Most channels of one subscription. */
  public static final int MAX_CHANNELS = 10;

  /** Most recipients of one e-mail channel. */
  public static final int MAX_RECIPIENTS = 20;

  /** Most values of one filter (sites, rooms). */
  public static final int MAX_VALUES = 100;

  /** Longest description, receiver, site or room. */
  public static final int MAX_TEXT = 256;

  /** Longest webhook URL. */
  public static final int MAX_URL = 2048;

  /** A name: 1–64 of RFC 3986's unreserved characters, as EdgeX names. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

  /**
   * An address as the channel takes it: local part, {@code @}, domain, without spaces, quotes,
   * brackets, commas or semicolons (so it cannot carry a second address or a header).
   */
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251})");

  private final SubscriptionStore store;
  private final AuditTrail audit;
  private final WebhookTargets targets;
  private final boolean emailEnabled;
  private final Supplier<String> secrets;
  private final Clock clock;

  /**
   * @param emailEnabled whether an SMTP server is configured; without one, e-mail channels are
   *     refused
   * @param secrets makes a new secret for each subscription
   */
  public Subscriptions(
      SubscriptionStore store,
      AuditTrail audit,
      WebhookTargets targets,
      boolean emailEnabled,
      Supplier<String> secrets,
      Clock clock) {
    this.store = store;
    this.audit = audit;
    this.targets = targets;
    this.emailEnabled = emailEnabled;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** 32 random bytes from a strong source, as 64 hexadecimal digits. */
  public static String newSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return HexFormat.of().formatHex(key);
  }

  /** Every subscription, by name. */
  public List<Subscription> all() {
    return store.all().stream().sorted(Comparator.comparing(Subscription::name)).toList();
  }

  public Optional<Subscription> find(String name) {
    return store.find(name);
  }

  /**
   * Stores a new subscription with a new secret and answers it, secret included.
   *
   * @param self host/port pairs by which the request reached this service (a webhook to one of them
   *     is refused)
   * @throws InvalidSubscriptionException naming the field at fault
   * @throws SubscriptionConflictException when the name is taken
   */
  public Subscription create(SubscriptionDraft draft, AuditActor by, Collection<HostPort> self) {
    if (draft.name() == null) {
      throw new InvalidSubscriptionException("name", "is required");
    }
    checkName("name", draft.name());
    check(draft, self);
    if (store.find(draft.name()).isPresent()) {
      throw new SubscriptionConflictException(draft.name());
    }
    Instant now = clock.instant();
    Subscription s = subscription(draft.name(), draft, secrets.get(), now, now, by.name());
    store.save(s);
    audit.record(by, change(AuditAction.CREATE, s.name(), null, s));
    return s;
  }

  /**
   * Replaces a subscription's settings, keeping its name, its creation time and (unless {@code
   * newSecret}) its secret; empty when there is none of that name.
   *
   * @throws InvalidSubscriptionException naming the field at fault
   */
  public Optional<Subscription> update(
      String name,
      SubscriptionDraft draft,
      boolean newSecret,
      AuditActor by,
      Collection<HostPort> self) {
    if (draft.name() != null && !draft.name().equals(name)) {
      throw new InvalidSubscriptionException(
          "name", "is the subscription's key and cannot be changed (it is '" + name + "')");
    }
    check(draft, self);
    Optional<Subscription> existing = store.find(name);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    String secret = newSecret ? secrets.get() : existing.get().secret();
    Subscription s =
        subscription(name, draft, secret, existing.get().created(), clock.instant(), by.name());
    store.save(s);
    audit.record(by, change(AuditAction.UPDATE, name, existing.get(), s));
    return Optional.of(s);
  }

  /** Removes a subscription; false when there is none of that name. */
  public boolean delete(String name, AuditActor by) {
    Optional<Subscription> existing = store.find(name);
    if (existing.isEmpty()) {
      return false;
    }
    store.delete(name, clock.instant(), by.name());
    audit.record(by, change(AuditAction.DELETE, name, existing.get(), null));
    return true;
  }

  private static AuditChange change(
      String action, String name, Subscription before, Subscription after) {
    return AuditChange.of(AuditKind.SUBSCRIPTION, action, name)
        .withBefore(before == null ? null : state(before, after))
        .withAfter(after == null ? null : state(after, before));
  }

  /**
   * A subscription as the audit trail shows it: never its secret (only whether a change made a new
   * one), and a webhook only as its scheme, host and port, since a webhook's path or query often is
   * a key itself (Slack's, for one).
   */
  private static Object state(Subscription s, Subscription other) {
    return AuditChange.state(
        "description",
        s.description(),
        "receiver",
        s.receiver(),
        "channels",
        s.channels().stream().map(Subscriptions::channel).toList(),
        "severities",
        s.severities().stream().map(Severity::code).sorted().toList(),
        "kinds",
        s.kinds().stream().map(AlertKind::code).sorted().toList(),
        "events",
        s.events().stream().map(AlertEvent::code).sorted().toList(),
        "sites",
        s.sites().stream().sorted().toList(),
        "rooms",
        s.rooms().stream().sorted().toList(),
        "adminState",
        s.adminState().name(),
        "secretChanged",
        other != null && !other.secret().equals(s.secret()));
  }

  private static String channel(Channel c) {
    if (c instanceof WebhookChannel w) {
      URI u = w.url();
      return "REST "
          + u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() < 0 ? "" : ":" + u.getPort())
          + " ("
          + w.format().code()
          + ")";
    }
    return c.type().name() + " " + c.target();
  }

  /**
   * Refuses a name that is not 1–64 of RFC 3986's unreserved characters.
   *
   * @throws InvalidSubscriptionException naming {@code field}
   */
  public static void checkName(String field, String name) {
    Optional<String> refusal = nameRefusal(name);
    if (refusal.isPresent()) {
      throw new InvalidSubscriptionException(field, refusal.get());
    }
  }

  /** Why {@code name} cannot name a subscription; empty when it can. */
  public static Optional<String> nameRefusal(String name) {
    return name != null && NAME.matcher(name).matches()
        ? Optional.empty()
        : Optional.of("must be 1 to 64 of the characters A–Z, a–z, 0–9, '.', '_', '~', '-'");
  }

  private static Subscription subscription(
      String name,
      SubscriptionDraft d,
      String secret,
      Instant created,
      Instant modified,
      String by) {
    return new Subscription(
        name,
        blankToNull(d.description()),
        blankToNull(d.receiver()),
        d.channels(),
        d.severities(),
        d.kinds(),
        d.events(),
        Set.copyOf(d.sites()),
        Set.copyOf(d.rooms()),
        d.adminState(),
        secret,
        created,
        modified,
        by);
  }

  private void check(SubscriptionDraft d, Collection<HostPort> self) {
    text("description", d.description(), 1024);
    text("receiver", d.receiver(), MAX_TEXT);
    values("sites", d.sites());
    values("rooms", d.rooms());
    if (d.channels().isEmpty()) {
      throw new InvalidSubscriptionException("channels", "at least one channel is required");
    }
    if (d.channels().size() > MAX_CHANNELS) {
      throw new InvalidSubscriptionException(
          "channels", "at most " + MAX_CHANNELS + " channels, not " + d.channels().size());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < d.channels().size(); i++) {
      Channel c = d.channels().get(i);
      String field = "channels[" + i + "]";
      switch (c) {
        case WebhookChannel w -> webhook(field + ".url", w, self);
        case EmailChannel e -> email(field, e);
      }
      if (!seen.add(c.type() + " " + c.target())) {
        throw new InvalidSubscriptionException(field, "repeats an earlier channel");
      }
    }
  }

  private void webhook(String field, WebhookChannel w, Collection<HostPort> self) {
    if (w.url().toString().length() > MAX_URL) {
      throw new InvalidSubscriptionException(field, "is longer than " + MAX_URL + " characters");
    }
    Optional<String> refusal = targets.refusal(w.url(), self);
    if (refusal.isPresent()) {
      throw new InvalidSubscriptionException(field, refusal.get());
    }
  }

  private void email(String field, EmailChannel e) {
    if (!emailEnabled) {
      throw new InvalidSubscriptionException(
          field + ".type",
          "EMAIL needs an SMTP server, and none is configured"
              + " (setpoint.analytics.notify.smtp.host)");
    }
    if (e.recipients().isEmpty() || e.recipients().size() > MAX_RECIPIENTS) {
      throw new InvalidSubscriptionException(
          field + ".recipients", "must list 1 to " + MAX_RECIPIENTS + " addresses");
    }
    for (int j = 0; j < e.recipients().size(); j++) {
      String r = e.recipients().get(j);
      if (r == null || r.length() > 254 || !ADDRESS.matcher(r).matches()) {
        throw new InvalidSubscriptionException(
            field + ".recipients[" + j + "]", "must be an e-mail address such as ops@example.com");
      }
    }
  }

  private static void text(String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      throw new InvalidSubscriptionException(field, "is longer than " + max + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSubscriptionException(field, "must not hold control characters");
    }
  }

  private static void values(String field, List<String> values) {
    if (values.size() > MAX_VALUES) {
      throw new InvalidSubscriptionException(field, "at most " + MAX_VALUES + " values");
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      String f = field + "[" + i + "]";
      if (v == null || v.isEmpty()) {
        throw new InvalidSubscriptionException(f, "must not be empty");
      }
      text(f, v, MAX_TEXT);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
