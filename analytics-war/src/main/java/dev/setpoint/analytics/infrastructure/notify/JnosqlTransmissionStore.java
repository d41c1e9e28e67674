package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionPage;
import dev.setpoint.analytics.domain.notify.TransmissionQuery;
import dev.setpoint.analytics.domain.notify.TransmissionRecord;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.TransmissionStore;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;

/**
 * The transmissions in analytics' own database ({@link AnalyticsDatabase}, collection {@value
 * #COLLECTION}), append-only: each state of a transmission (recorded, then after each attempt) is
 * one new document holding all of it ({@code _id} a UUID, {@code transmission} its id, {@code
 * revision}, {@code notification}, {@code subscription}, {@code channelType}, {@code
 * channelTarget}, {@code channelFormat}, {@code event}, {@code status}, {@code created} and {@code
 * nextAttemptAt} in epoch milliseconds, its attempts as three lists {@code recordSent}, {@code
 * recordStatus}, {@code recordResponse}, and the alert as it was, {@code alertId}, {@code
 * alertKind}, … {@code alertNotifications}); a transmission is its latest revision. One insert is
 * atomic on every MongoDB, so a crash leaves each transmission in a state it was in.
 *
 * <p>Every read folds the whole collection (as the room modes' reads do); nothing is deleted yet,
 * so the listing slows as transmissions accumulate.
 */
@ApplicationScoped
public class JnosqlTransmissionStore implements TransmissionStore {
  /** The collection of transmission states. */
  public static final String COLLECTION = "notify_transmissions";

  private static final Logger LOG = Logger.getLogger(JnosqlTransmissionStore.class.getName());

  static final String ID = "_id";
  static final String TRANSMISSION = "transmission";
  static final String REVISION = "revision";
  static final String NOTIFICATION = "notification";
  static final String SUBSCRIPTION = "subscription";
  static final String CHANNEL_TYPE = "channelType";
  static final String CHANNEL_TARGET = "channelTarget";
  static final String CHANNEL_FORMAT = "channelFormat";
  static final String EVENT = "event";
  static final String STATUS = "status";
  static final String CREATED = "created";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String RECORD_SENT = "recordSent";
  static final String RECORD_STATUS = "recordStatus";
  static final String RECORD_RESPONSE = "recordResponse";
  static final String ALERT_ID = "alertId";
  static final String ALERT_KIND = "alertKind";
  static final String ALERT_SEVERITY = "alertSeverity";
  static final String ALERT_STATE = "alertState";
  static final String ALERT_SUBJECT = "alertSubject";
  static final String ALERT_SITE = "alertSite";
  static final String ALERT_ROOM = "alertRoom";
  static final String ALERT_DEVICE = "alertDevice";
  static final String ALERT_VALUE = "alertValue";
  static final String ALERT_THRESHOLD = "alertThreshold";
  static final String ALERT_MESSAGE = "alertMessage";
  static final String ALERT_RAISED_AT = "alertRaisedAt";
  static final String ALERT_UPDATED_AT = "alertUpdatedAt";
  static final String ALERT_ACKNOWLEDGED_BY = "alertAcknowledgedBy";
  static final String ALERT_ACKNOWLEDGED_AT = "alertAcknowledgedAt";
  static final String ALERT_COMMENT = "alertComment";
  static final String ALERT_CLEARED_AT = "alertClearedAt";
  static final String ALERT_NOTIFIED_AT = "alertNotifiedAt";
  static final String ALERT_NOTIFICATIONS = "alertNotifications";

  private static final Comparator<Transmission> NEWEST_FIRST =
      Comparator.comparing(Transmission::created).thenComparing(Transmission::id).reversed();

  private final AnalyticsDatabase database;

  @Inject
  public JnosqlTransmissionStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlTransmissionStore() {
    this.database = null;
  }

  @Override
  public void save(Transmission t) {
    CommunicationEntity entity = document(t);
    entity.add(ID, UUID.randomUUID().toString());
    database.insert(entity, "store transmission " + t.id() + " (" + t.status() + ")");
  }

  @Override
  public List<Transmission> open() {
    return all().stream().filter(t -> t.status().open()).toList();
  }

  @Override
  public TransmissionPage find(TransmissionQuery query) {
    List<Transmission> matching =
        all().stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
    long from = (long) query.page() * query.size();
    List<Transmission> page =
        from >= matching.size()
            ? List.of()
            : matching.subList((int) from, (int) Math.min(matching.size(), from + query.size()));
    return new TransmissionPage(page, matching.size());
  }

  private List<Transmission> all() {
    return database.latestOfEach(
        COLLECTION,
        REVISION,
        JnosqlTransmissionStore::transmission,
        Transmission::id,
        "read the notification transmissions");
  }

  /** The document of a transmission's state (without its id). */
  static CommunicationEntity document(Transmission t) {
    CommunicationEntity entity = CommunicationEntity.of(COLLECTION);
    entity.add(TRANSMISSION, t.id());
    entity.add(REVISION, t.revision());
    entity.add(NOTIFICATION, t.notificationId());
    entity.add(SUBSCRIPTION, t.subscription());
    entity.add(CHANNEL_TYPE, t.channel().type().name());
    entity.add(CHANNEL_TARGET, t.channel().target());
    entity.add(CHANNEL_FORMAT, Documents.format(t.channel()));
    entity.add(EVENT, t.event().code());
    entity.add(STATUS, t.status().name());
    Documents.add(entity, CREATED, t.created());
    Documents.add(entity, NEXT_ATTEMPT_AT, t.nextAttemptAt());
    List<Long> sent = new ArrayList<>();
    List<String> status = new ArrayList<>();
    List<String> response = new ArrayList<>();
    for (TransmissionRecord r : t.records()) {
      sent.add(r.sent().toEpochMilli());
      status.add(r.status().name());
      response.add(r.response() == null ? "" : r.response());
    }
    entity.add(RECORD_SENT, sent);
    entity.add(RECORD_STATUS, status);
    entity.add(RECORD_RESPONSE, response);
    Alert a = t.alert();
    entity.add(ALERT_ID, a.id());
    entity.add(ALERT_KIND, a.kind().code());
    entity.add(ALERT_SEVERITY, a.severity().code());
    entity.add(ALERT_STATE, a.state().code());
    entity.add(ALERT_SUBJECT, a.subject());
    Documents.add(entity, ALERT_SITE, a.site());
    Documents.add(entity, ALERT_ROOM, a.room());
    Documents.add(entity, ALERT_DEVICE, a.device());
    Documents.add(entity, ALERT_VALUE, a.value());
    Documents.add(entity, ALERT_THRESHOLD, a.threshold());
    Documents.add(entity, ALERT_MESSAGE, a.message());
    Documents.add(entity, ALERT_RAISED_AT, a.raisedAt());
    Documents.add(entity, ALERT_UPDATED_AT, a.updatedAt());
    Documents.add(entity, ALERT_ACKNOWLEDGED_BY, a.acknowledgedBy());
    Documents.add(entity, ALERT_ACKNOWLEDGED_AT, a.acknowledgedAt());
    Documents.add(entity, ALERT_COMMENT, a.comment());
    Documents.add(entity, ALERT_CLEARED_AT, a.clearedAt());
    Documents.add(entity, ALERT_NOTIFIED_AT, a.notifiedAt());
    entity.add(ALERT_NOTIFICATIONS, a.notifications());
    return entity;
  }

  /** The transmission a document holds; empty (and logged) for one that holds none. */
  static Optional<Transmission> transmission(CommunicationEntity e) {
    try {
      List<Long> sent = Documents.longs(e, RECORD_SENT);
      List<String> status = Documents.strings(e, RECORD_STATUS);
      List<String> response = Documents.strings(e, RECORD_RESPONSE);
      if (status.size() != sent.size() || response.size() != sent.size()) {
        throw new IllegalArgumentException("record lists of different lengths");
      }
      List<TransmissionRecord> records = new ArrayList<>();
      for (int i = 0; i < sent.size(); i++) {
        records.add(
            new TransmissionRecord(
                Instant.ofEpochMilli(sent.get(i)),
                TransmissionStatus.fromCode(status.get(i)).orElseThrow(),
                response.get(i).isEmpty() ? null : response.get(i)));
      }
      Alert alert =
          new Alert(
              Documents.required(e, ALERT_ID),
              AlertKind.fromCode(Documents.required(e, ALERT_KIND)).orElseThrow(),
              Severity.fromCode(Documents.required(e, ALERT_SEVERITY)).orElseThrow(),
              AlertState.fromCode(Documents.required(e, ALERT_STATE)).orElseThrow(),
              Documents.required(e, ALERT_SUBJECT),
              Documents.string(e, ALERT_SITE).orElse(null),
              Documents.string(e, ALERT_ROOM).orElse(null),
              Documents.string(e, ALERT_DEVICE).orElse(null),
              e.find(ALERT_VALUE, Double.class).orElse(null),
              e.find(ALERT_THRESHOLD, Double.class).orElse(null),
              Documents.string(e, ALERT_MESSAGE).orElse(null),
              Documents.instant(e, ALERT_RAISED_AT),
              Documents.instant(e, ALERT_UPDATED_AT),
              Documents.string(e, ALERT_ACKNOWLEDGED_BY).orElse(null),
              Documents.instant(e, ALERT_ACKNOWLEDGED_AT),
              Documents.string(e, ALERT_COMMENT).orElse(null),
              Documents.instant(e, ALERT_CLEARED_AT),
              Documents.instant(e, ALERT_NOTIFIED_AT),
              e.find(ALERT_NOTIFICATIONS, Integer.class).orElse(0));
      return Optional.of(
          new Transmission(
              Documents.required(e, TRANSMISSION),
              Documents.string(e, NOTIFICATION).orElse(null),
              Documents.required(e, SUBSCRIPTION),
              Documents.channel(
                  Documents.required(e, CHANNEL_TYPE),
                  Documents.required(e, CHANNEL_TARGET),
                  Documents.string(e, CHANNEL_FORMAT).orElse("")),
              alert,
              JnosqlSubscriptionStore.event(Documents.required(e, EVENT)).orElseThrow(),
              TransmissionStatus.fromCode(Documents.required(e, STATUS)).orElseThrow(),
              records,
              Objects.requireNonNull(Documents.instant(e, CREATED), "created"),
              Documents.instant(e, NEXT_ATTEMPT_AT),
              e.find(REVISION, Integer.class).orElseThrow()));
    } catch (RuntimeException ex) {
      LOG.warning(
          () ->
              "notifications: skipping a transmission document that holds none: "
                  + ex.getMessage());
      return Optional.empty();
    }
  }
}
