package dev.setpoint.analytics.infrastructure.alert;

import static dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase.putIfPresent;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertQuery;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.analytics.domain.alert.AlertStore;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;

/**
 * The alerts in analytics' own database ({@link AnalyticsDatabase}, collection {@value
 * #COLLECTION}): one document per alert under its id ({@code _id}), replaced as the alert changes;
 * kinds, severities and states as their codes, instants as epoch milliseconds, absent fields
 * omitted.
 */
@ApplicationScoped
public class JnosqlAlertStore implements AlertStore {
  public static final String COLLECTION = "alerts";

  private static final Logger LOG = Logger.getLogger(JnosqlAlertStore.class.getName());

  static final String ID = "_id";

  private final AnalyticsDatabase database;

  @Inject
  public JnosqlAlertStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlAlertStore() {
    this.database = null;
  }

  @Override
  public List<Alert> open() {
    return database.with(
        "read the open alerts",
        m ->
            m.select(
                    SelectQuery.builder()
                        .from(COLLECTION)
                        .where(
                            CriteriaCondition.not(
                                CriteriaCondition.eq("state", AlertState.CLEARED.code())))
                        .build())
                .map(JnosqlAlertStore::alert)
                .flatMap(Optional::stream)
                .toList());
  }

  @Override
  public Optional<Alert> find(String id) {
    return database.with(
        "read alert " + id,
        m ->
            m.singleResult(SelectQuery.select().from(COLLECTION).where(ID).eq(id).build())
                .flatMap(JnosqlAlertStore::alert));
  }

  @Override
  public void save(Alert alert) {
    CommunicationEntity entity = document(alert);
    database.with(
        "store alert " + alert.id(),
        m -> {
          boolean exists =
              m.exists(SelectQuery.select().from(COLLECTION).where(ID).eq(alert.id()).build());
          return exists ? m.update(entity) : m.insert(entity);
        });
  }

  @Override
  public List<Alert> query(AlertQuery q) {
    return database.page(
        filtered(q),
        Sort.desc("raisedAt"),
        q.page(),
        q.size(),
        JnosqlAlertStore::alert,
        "query the alerts");
  }

  @Override
  public long count(AlertQuery q) {
    return database.with("count the alerts", m -> m.count(filtered(q).build()));
  }

  private static SelectQuery.QueryBuilder filtered(AlertQuery q) {
    List<CriteriaCondition> conditions = new ArrayList<>();
    if (q.state() != null) {
      conditions.add(CriteriaCondition.eq("state", q.state().code()));
    }
    if (q.open()) {
      conditions.add(
          CriteriaCondition.not(CriteriaCondition.eq("state", AlertState.CLEARED.code())));
    }
    if (q.severity() != null) {
      conditions.add(CriteriaCondition.eq("severity", q.severity().code()));
    }
    if (q.kind() != null) {
      conditions.add(CriteriaCondition.eq("kind", q.kind().code()));
    }
    if (q.site() != null) {
      conditions.add(CriteriaCondition.eq("site", q.site()));
    }
    if (q.room() != null) {
      conditions.add(CriteriaCondition.eq("room", q.room()));
    }
    if (q.device() != null) {
      conditions.add(CriteriaCondition.eq("device", q.device()));
    }
    if (q.from() != null) {
      conditions.add(CriteriaCondition.gte("raisedAt", q.from().toEpochMilli()));
    }
    if (q.to() != null) {
      conditions.add(CriteriaCondition.lt("raisedAt", q.to().toEpochMilli()));
    }
    return AnalyticsDatabase.matching(COLLECTION, conditions);
  }

  static CommunicationEntity document(Alert a) {
    CommunicationEntity e = CommunicationEntity.of(COLLECTION);
    e.add(ID, a.id());
    e.add("kind", a.kind().code());
    e.add("severity", a.severity().code());
    e.add("state", a.state().code());
    e.add("subject", a.subject());
    putIfPresent(e, "site", a.site());
    putIfPresent(e, "room", a.room());
    putIfPresent(e, "device", a.device());
    putIfPresent(e, "value", a.value());
    putIfPresent(e, "threshold", a.threshold());
    putIfPresent(e, "message", a.message());
    e.add("raisedAt", a.raisedAt().toEpochMilli());
    e.add("updatedAt", a.updatedAt().toEpochMilli());
    putIfPresent(e, "acknowledgedBy", a.acknowledgedBy());
    putIfPresent(e, "acknowledgedAt", millis(a.acknowledgedAt()));
    putIfPresent(e, "comment", a.comment());
    putIfPresent(e, "clearedAt", millis(a.clearedAt()));
    putIfPresent(e, "notifiedAt", millis(a.notifiedAt()));
    e.add("notifications", a.notifications());
    return e;
  }

  static Optional<Alert> alert(CommunicationEntity e) {
    try {
      return Optional.of(
          new Alert(
              e.find(ID, String.class).orElseThrow(),
              AlertKind.fromCode(e.find("kind", String.class).orElseThrow()).orElseThrow(),
              Severity.fromCode(e.find("severity", String.class).orElseThrow()).orElseThrow(),
              AlertState.fromCode(e.find("state", String.class).orElseThrow()).orElseThrow(),
              e.find("subject", String.class).orElseThrow(),
              e.find("site", String.class).orElse(null),
              e.find("room", String.class).orElse(null),
              e.find("device", String.class).orElse(null),
              e.find("value", Double.class).orElse(null),
              e.find("threshold", Double.class).orElse(null),
              e.find("message", String.class).orElse(null),
              instant(e, "raisedAt").orElseThrow(),
              instant(e, "updatedAt").orElseThrow(),
              e.find("acknowledgedBy", String.class).orElse(null),
              instant(e, "acknowledgedAt").orElse(null),
              e.find("comment", String.class).orElse(null),
              instant(e, "clearedAt").orElse(null),
              instant(e, "notifiedAt").orElse(null),
              e.find("notifications", Integer.class).orElse(0)));
    } catch (RuntimeException ex) {
      LOG.warning("an alert document is not readable, skipped: " + ex);
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(CommunicationEntity e, String field) {
    return e.find(field, Long.class).map(Instant::ofEpochMilli);
  }

  private static Long millis(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }
}
