package dev.setpoint.analytics.infrastructure.audit;

import static dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase.putIfPresent;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.analytics.domain.audit.AuditStore;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import dev.setpoint.contracts.audit.AuditRecord;
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
 * The audit trail in analytics' own database ({@link AnalyticsDatabase}, collection {@value
 * #COLLECTION}): one document per record under its id ({@code _id}), inserted once and never
 * updated or deleted (kept for good); {@code at} as epoch milliseconds, {@code before} and {@code
 * after} as the JSON text the record holds, absent fields omitted.
 *
 * <p>Indexes, created before the first read or write (and again after a failure): {@code at}
 * descending for the time range and the order, and {@code actor}, {@code device} and {@code kind}
 * each with {@code at}, for the filters. A real MongoDB uses them; the stack's mongo-java-server
 * accepts and ignores non-unique indexes (see ingest's {@code EdgeBufferIndexes}).
 */
@ApplicationScoped
public class JnosqlAuditStore implements AuditStore {
  public static final String COLLECTION = "audit";

  private static final Logger LOG = Logger.getLogger(JnosqlAuditStore.class.getName());

  static final String ID = "_id";
  static final String AT = "at";
  static final String ACTOR = "actor";
  static final String DEVICE = "device";
  static final String KIND = "kind";

  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(Indexes.descending(AT), new IndexOptions().name("at")),
          new IndexModel(
              Indexes.compoundIndex(Indexes.ascending(ACTOR), Indexes.descending(AT)),
              new IndexOptions().name("actor_at")),
          new IndexModel(
              Indexes.compoundIndex(Indexes.ascending(DEVICE), Indexes.descending(AT)),
              new IndexOptions().name("device_at")),
          new IndexModel(
              Indexes.compoundIndex(Indexes.ascending(KIND), Indexes.descending(AT)),
              new IndexOptions().name("kind_at")));

  private final AnalyticsDatabase database;
  private volatile boolean indexed;

  @Inject
  public JnosqlAuditStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlAuditStore() {
    this.database = null;
  }

  @Override
  public boolean append(AuditRecord record) {
    ensureIndexes();
    CommunicationEntity entity = document(record);
    return database.with(
        "store audit record " + record.id(),
        m -> {
          if (m.exists(SelectQuery.select().from(COLLECTION).where(ID).eq(record.id()).build())) {
            return false;
          }
          try {
            m.insert(entity);
            return true;
          } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
              return false; // stored by another consumer between the check and the insert
            }
            throw e;
          }
        });
  }

  @Override
  public List<AuditRecord> query(AuditQuery q) {
    ensureIndexes();
    return database.page(
        filtered(q).sort(Sort.desc(AT)),
        Sort.desc(ID),
        q.page(),
        q.size(),
        JnosqlAuditStore::record,
        "query the audit trail");
  }

  @Override
  public long count(AuditQuery q) {
    ensureIndexes();
    return database.with("count the audit trail", m -> m.count(filtered(q).build()));
  }

  private void ensureIndexes() {
    if (!indexed) {
      database.ensureIndexes(COLLECTION, INDEXES, "create the audit trail's indexes");
      indexed = true;
    }
  }

  private static SelectQuery.QueryBuilder filtered(AuditQuery q) {
    List<CriteriaCondition> conditions = new ArrayList<>();
    if (q.from() != null) {
      conditions.add(CriteriaCondition.gte(AT, q.from().toEpochMilli()));
    }
    if (q.to() != null) {
      conditions.add(CriteriaCondition.lt(AT, q.to().toEpochMilli()));
    }
    if (q.user() != null) {
      conditions.add(CriteriaCondition.eq(ACTOR, q.user()));
    }
    if (q.device() != null) {
      conditions.add(CriteriaCondition.eq(DEVICE, q.device()));
    }
    if (q.kind() != null) {
      conditions.add(CriteriaCondition.eq(KIND, q.kind()));
    }
    return AnalyticsDatabase.matching(COLLECTION, conditions);
  }

  static CommunicationEntity document(AuditRecord r) {
    CommunicationEntity e = CommunicationEntity.of(COLLECTION);
    e.add(ID, r.id());
    e.add(AT, r.at().toEpochMilli());
    e.add(ACTOR, r.actor());
    putIfPresent(e, "role", r.role());
    putIfPresent(e, "address", r.address());
    e.add("origin", r.origin());
    e.add(KIND, r.kind());
    e.add("action", r.action());
    e.add("target", r.target());
    putIfPresent(e, DEVICE, r.device());
    putIfPresent(e, "site", r.site());
    putIfPresent(e, "room", r.room());
    putIfPresent(e, "before", r.before());
    putIfPresent(e, "after", r.after());
    return e;
  }

  static Optional<AuditRecord> record(CommunicationEntity e) {
    try {
      return Optional.of(
          new AuditRecord(
              e.find(ID, String.class).orElseThrow(),
              e.find(AT, Long.class).map(Instant::ofEpochMilli).orElseThrow(),
              e.find(ACTOR, String.class).orElseThrow(),
              text(e, "role"),
              text(e, "address"),
              e.find("origin", String.class).orElseThrow(),
              e.find(KIND, String.class).orElseThrow(),
              e.find("action", String.class).orElseThrow(),
              e.find("target", String.class).orElseThrow(),
              text(e, DEVICE),
              text(e, "site"),
              text(e, "room"),
              text(e, "before"),
              text(e, "after")));
    } catch (RuntimeException ex) {
      LOG.warning("an audit document is not readable, skipped: " + ex);
      return Optional.empty();
    }
  }

  private static String text(CommunicationEntity e, String field) {
    return e.find(field, String.class).orElse(null);
  }
}
