package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.SubscriptionStore;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;

/**
 * The subscriptions in analytics' own database ({@link AnalyticsDatabase}, collection {@value
 * #COLLECTION}), append-only as the room modes are: each change is one new document holding the
 * whole subscription ({@code _id} a UUID, {@code name}, {@code revision} (one more than the name's
 * last), {@code description}, {@code receiver}, the channels as three lists of one entry per
 * channel ({@code channelTypes}, {@code channelTargets}: the URL or the recipients joined by
 * commas, {@code channelFormats}), the filters {@code severities}, {@code kinds}, {@code events},
 * {@code sites}, {@code rooms} (codes), {@code adminState}, {@code secret}, {@code created} and
 * {@code modified} in epoch milliseconds, {@code modifiedBy}); a deletion is a document with {@code
 * deleted: true}. A subscription is its name's latest revision. The secret is kept as given: it is
 * the key of an HMAC, so the receiver and this service both need it; the store's access control
 * guards it, and the API never answers it after creation.
 */
@ApplicationScoped
public class JnosqlSubscriptionStore implements SubscriptionStore {
  /** The collection of subscription changes. */
  public static final String COLLECTION = "notify_subscriptions";

  private static final Logger LOG = Logger.getLogger(JnosqlSubscriptionStore.class.getName());

  static final String ID = "_id";
  static final String NAME = "name";
  static final String REVISION = "revision";
  static final String DELETED = "deleted";
  static final String DESCRIPTION = "description";
  static final String RECEIVER = "receiver";
  static final String CHANNEL_TYPES = "channelTypes";
  static final String CHANNEL_TARGETS = "channelTargets";
  static final String CHANNEL_FORMATS = "channelFormats";
  static final String SEVERITIES = "severities";
  static final String KINDS = "kinds";
  static final String EVENTS = "events";
  static final String SITES = "sites";
  static final String ROOMS = "rooms";
  static final String ADMIN_STATE = "adminState";
  static final String SECRET = "secret";
  static final String CREATED = "created";
  static final String MODIFIED = "modified";
  static final String MODIFIED_BY = "modifiedBy";

  /** A stored revision: the subscription, or null for a deletion. */
  record Stored(String name, long revision, Subscription subscription) {}

  private final AnalyticsDatabase database;

  @Inject
  public JnosqlSubscriptionStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlSubscriptionStore() {
    this.database = null;
  }

  @Override
  public List<Subscription> all() {
    return database
        .latestOfEach(
            COLLECTION,
            REVISION,
            JnosqlSubscriptionStore::stored,
            Stored::name,
            "read the notification subscriptions")
        .stream()
        .map(Stored::subscription)
        .filter(s -> s != null)
        .toList();
  }

  @Override
  public Optional<Subscription> find(String name) {
    return latest(name).map(Stored::subscription);
  }

  @Override
  public void save(Subscription subscription) {
    long revision = latest(subscription.name()).map(s -> s.revision() + 1).orElse(0L);
    CommunicationEntity entity = document(subscription, revision);
    entity.add(ID, UUID.randomUUID().toString());
    database.insert(entity, "store subscription " + subscription.name());
  }

  @Override
  public void delete(String name, Instant at, String by) {
    long revision = latest(name).map(s -> s.revision() + 1).orElse(0L);
    CommunicationEntity entity = CommunicationEntity.of(COLLECTION);
    entity.add(ID, UUID.randomUUID().toString());
    entity.add(NAME, name);
    entity.add(REVISION, revision);
    entity.add(DELETED, true);
    Documents.add(entity, MODIFIED, at);
    Documents.add(entity, MODIFIED_BY, by);
    database.insert(entity, "delete subscription " + name);
  }

  private Optional<Stored> latest(String name) {
    return database.latest(
        COLLECTION,
        NAME,
        name,
        REVISION,
        JnosqlSubscriptionStore::stored,
        "read subscription " + name);
  }

  /** The document of a subscription at a revision (without its id). */
  static CommunicationEntity document(Subscription s, long revision) {
    CommunicationEntity entity = CommunicationEntity.of(COLLECTION);
    entity.add(NAME, s.name());
    entity.add(REVISION, revision);
    Documents.add(entity, DESCRIPTION, s.description());
    Documents.add(entity, RECEIVER, s.receiver());
    List<String> types = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<String> formats = new ArrayList<>();
    for (Channel c : s.channels()) {
      types.add(c.type().name());
      targets.add(c.target());
      formats.add(Documents.format(c));
    }
    entity.add(CHANNEL_TYPES, types);
    entity.add(CHANNEL_TARGETS, targets);
    entity.add(CHANNEL_FORMATS, formats);
    entity.add(SEVERITIES, s.severities().stream().map(Severity::code).toList());
    entity.add(KINDS, s.kinds().stream().map(AlertKind::code).toList());
    entity.add(EVENTS, s.events().stream().map(AlertEvent::code).toList());
    entity.add(SITES, List.copyOf(s.sites()));
    entity.add(ROOMS, List.copyOf(s.rooms()));
    entity.add(ADMIN_STATE, s.adminState().name());
    Documents.add(entity, SECRET, s.secret());
    Documents.add(entity, CREATED, s.created());
    Documents.add(entity, MODIFIED, s.modified());
    Documents.add(entity, MODIFIED_BY, s.modifiedBy());
    return entity;
  }

  /** The revision a document holds; empty (and logged) for one that holds none. */
  static Optional<Stored> stored(CommunicationEntity entity) {
    try {
      String name = Documents.required(entity, NAME);
      long revision = entity.find(REVISION, Long.class).orElseThrow();
      if (entity.find(DELETED, Boolean.class).orElse(false)) {
        return Optional.of(new Stored(name, revision, null));
      }
      List<String> types = Documents.strings(entity, CHANNEL_TYPES);
      List<String> targets = Documents.strings(entity, CHANNEL_TARGETS);
      List<String> formats = Documents.strings(entity, CHANNEL_FORMATS);
      if (targets.size() != types.size() || formats.size() != types.size()) {
        throw new IllegalArgumentException("channel lists of different lengths");
      }
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        channels.add(Documents.channel(types.get(i), targets.get(i), formats.get(i)));
      }
      return Optional.of(
          new Stored(
              name,
              revision,
              new Subscription(
                  name,
                  Documents.string(entity, DESCRIPTION).orElse(null),
                  Documents.string(entity, RECEIVER).orElse(null),
                  channels,
                  codes(entity, SEVERITIES, Severity::fromCode),
                  codes(entity, KINDS, AlertKind::fromCode),
                  codes(entity, EVENTS, JnosqlSubscriptionStore::event),
                  Set.copyOf(Documents.strings(entity, SITES)),
                  Set.copyOf(Documents.strings(entity, ROOMS)),
                  AdminState.fromCode(Documents.required(entity, ADMIN_STATE)).orElseThrow(),
                  Documents.string(entity, SECRET).orElse(null),
                  Documents.instant(entity, CREATED),
                  Documents.instant(entity, MODIFIED),
                  Documents.string(entity, MODIFIED_BY).orElse(null))));
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "notifications: skipping a subscription document that holds none: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Codes read back; one no longer known makes the document unreadable. */
  private static <T> Set<T> codes(
      CommunicationEntity entity, String field, Function<String, Optional<T>> parse) {
    Set<T> values = new HashSet<>();
    for (String code : Documents.strings(entity, field)) {
      values.add(
          parse
              .apply(code)
              .orElseThrow(() -> new IllegalArgumentException(field + " holds '" + code + "'")));
    }
    return values;
  }

  static Optional<AlertEvent> event(String code) {
    for (AlertEvent e : AlertEvent.values()) {
      if (e.code().equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
