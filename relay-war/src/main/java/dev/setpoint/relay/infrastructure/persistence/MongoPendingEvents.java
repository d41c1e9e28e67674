package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.relay.config.ForwardingConfig;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer ({@link BufferedEvent#COLLECTION}) as the relay drains it, on the relay's own
 * {@link MongoClient}. The documents are read in the layout ingest stores {@link BufferedEvent}s
 * with through JNoSQL (ingest's StoredLayoutIT holds that layout fixed); JNoSQL itself has no
 * cursor that outlives one query's result list, and no bulk update.
 *
 * <p>Shaped by what the stack's mongo-java-server does with a large backlog (measured with 160,000
 * events, 113,000 PENDING, on the 2 shared cores): only unique indexes are real there, so any query
 * other than an exact {@code _id} lookup scans every document (12 s), and a sorted one also holds
 * all matches in memory to sort them (20 s). Hence:
 *
 * <ul>
 *   <li>a drain is one sorted query whose cursor is then read page by page (the next 15,000 came in
 *       1.4 s), instead of one sorted query per page;
 *   <li>marking FORWARDED is a bulk of updates by {@code _id} alone (500 in 0.9 s), as a filter on
 *       anything else, {@code _id $in} included, scans (500 in 3.5 s to 22 s);
 *   <li>readiness looks up one id, and the backlog is counted only periodically.
 * </ul>
 *
 * A real MongoDB serves the drain's query from ingest's {@code state_origin} index.
 */
@ApplicationScoped
public class MongoPendingEvents implements PendingEvents {
  private static final Logger LOG = Logger.getLogger(MongoPendingEvents.class.getName());
  private static final String ID = "_id";
  private static final String STATE = "state";
  private static final String FORWARDED_AT = "forwardedAt";

  private final Template template;
  private final MongoCollection<Document> events;
  private final int cursorBatch;

  @Inject
  public MongoPendingEvents(
      Template template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      ForwardingConfig forwarding) {
    this.template = template;
    this.events = client.getDatabase(database).getCollection(BufferedEvent.COLLECTION);
    this.cursorBatch = Math.max(100, forwarding.batchSize);
  }

  /** For CDI's proxy only. */
  protected MongoPendingEvents() {
    this.template = null;
    this.events = null;
    this.cursorBatch = 0;
  }

  @Override
  public Drain drain() {
    MongoCursor<Document> cursor =
        events.find(pending()).sort(Sorts.ascending("origin")).batchSize(cursorBatch).iterator();
    return new Drain() {
      @Override
      public List<BufferedEvent> next(int max) {
        List<BufferedEvent> page = new ArrayList<>(max);
        while (page.size() < max && cursor.hasNext()) {
          Document document = cursor.next();
          try {
            page.add(event(document));
          } catch (RuntimeException e) {
            // Not an event as ingest stores one: set aside, never resent, the drain goes on.
            LOG.log(
                Level.SEVERE,
                "stored event " + document.get(ID) + " breaks the buffer's layout; REJECTED",
                e);
            events.updateOne(
                Filters.eq(ID, document.get(ID)), Updates.set(STATE, EventState.REJECTED.name()));
          }
        }
        return page;
      }

      @Override
      public void close() {
        cursor.close();
      }
    };
  }

  /** The event of a stored document, in the layout of {@link BufferedEvent}'s mapping. */
  static BufferedEvent event(Document d) {
    List<BufferedReading> readings = new ArrayList<>();
    for (Document r : d.getList("readings", Document.class)) {
      readings.add(
          new BufferedReading(
              r.getString("id"),
              number(r, "origin"),
              required(r.getString("resourceName"), "resourceName"),
              required(r.getString("valueType"), "valueType"),
              required(r.getString("value"), "value"),
              r.getString("units")));
    }
    Number forwardedAt = d.get(FORWARDED_AT, Number.class);
    return new BufferedEvent(
        required(d.getString(ID), ID),
        required(d.getString("deviceName"), "deviceName"),
        d.getString("profileName"),
        d.getString("sourceName"),
        number(d, "origin"),
        List.copyOf(readings),
        EventState.valueOf(required(d.getString(STATE), STATE)),
        number(d, "receivedAt"),
        forwardedAt == null ? null : forwardedAt.longValue(),
        d.get("site") instanceof String site ? site : null,
        d.get("room") instanceof String room ? room : null);
  }

  private static long number(Document d, String field) {
    Number n = d.get(field, Number.class);
    if (n == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return n.longValue();
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  @Override
  public void markForwarded(List<String> eventIds, long atMillis) {
    if (eventIds.isEmpty()) {
      return;
    }
    Bson forwarded =
        Updates.combine(
            Updates.set(STATE, EventState.FORWARDED.name()), Updates.set(FORWARDED_AT, atMillis));
    List<WriteModel<Document>> updates = new ArrayList<>(eventIds.size());
    for (String id : eventIds) {
      updates.add(new UpdateOneModel<>(Filters.eq(ID, id), forwarded));
    }
    events.bulkWrite(updates, new BulkWriteOptions().ordered(false));
  }

  @Override
  public void markRejected(BufferedEvent event) {
    events.updateOne(Filters.eq(ID, event.id()), Updates.set(STATE, EventState.REJECTED.name()));
  }

  @Override
  public void purgeForwarded(long forwardedBeforeMillis) {
    events.deleteMany(
        Filters.and(
            Filters.eq(STATE, EventState.FORWARDED.name()),
            Filters.lt(FORWARDED_AT, forwardedBeforeMillis)));
  }

  @Override
  public long pendingCount() {
    return events.countDocuments(pending());
  }

  @Override
  public void probe() {
    // Through JNoSQL's own client and its short timeouts: answers fast or fails fast, also while
    // the relay's client waits for a long drain query.
    template.find(BufferedEvent.class, "readiness-probe");
  }

  private static Bson pending() {
    return Filters.eq(STATE, EventState.PENDING.name());
  }
}
