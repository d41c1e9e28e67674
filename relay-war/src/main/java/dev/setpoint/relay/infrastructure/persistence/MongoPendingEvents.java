package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.relay.config.ForwardingConfig;
import dev.setpoint.relay.domain.Backlog;
import dev.setpoint.relay.domain.LogWindows;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's batch log ({@link EdgeLog}) as the relay drains and compacts it, on the relay's
 * own {@link MongoClient}. Every operation is a lookup by {@code _id}, exact or {@code $in} of
 * known sequence numbers: the one index the stack's mongo-java-server really has (its H2 collection
 * is a map keyed by {@code _id}; a range filter such as {@code _id > cursor} would stream the whole
 * map there, and any sort materialises every match) and one a real MongoDB serves from its {@code
 * _id} index. So a window costs the same on a backlog of a thousand events and of millions.
 *
 * <ul>
 *   <li>{@link #next}: the counter document, then {@code $in} of the next {@link #LOOKUP} numbers
 *       after the cursor, repeated until the window holds enough events (and past a range that ends
 *       in missing numbers, up to the first batch after them);
 *   <li>{@link #advance}: one update of the cursor document, the only write per window;
 *   <li>{@link #compact}: {@code $in} reads of the oldest forwarded batches, then one {@code
 *       deleteMany $in} of the batches, per chunk (the log has no document per event to delete:
 *       ingest's duplicate check keeps its ids in memory).
 * </ul>
 */
@ApplicationScoped
public class MongoPendingEvents implements PendingEvents {
  private static final Logger LOG = Logger.getLogger(MongoPendingEvents.class.getName());
  private static final String ID = EdgeLog.ID;

  /**
   * Sequence numbers looked up per round trip while filling a window: at a low rate a batch holds
   * one event, so a window of a thousand events spans a thousand numbers.
   */
  static final int LOOKUP = 128;

  /**
   * Most look-ups past the end of a range that ends in missing numbers, in search of the first
   * batch after them (8,192 numbers: 32 of ingest's largest blocks).
   */
  static final int LOOKAHEAD = 64;

  /** Batches a compaction deletes per chunk. */
  static final int COMPACT_CHUNK = 16;

  /**
   * How long one call compacts: it runs on the forwarding loop's thread between rounds, so a large
   * backlog of forwarded batches is deleted a slice per round rather than holding up the drain.
   */
  static final long COMPACT_BUDGET_NANOS = 1_000_000_000L;

  private final Template template;
  private final MongoCollection<Document> batches;
  private final MongoCollection<Document> meta;
  private final MongoCollection<Document> rejected;
  private final long graceMillis;

  /**
   * The events forwarded through the last window read (the cursor's total when it was read plus the
   * window's events), keyed by that window's end; the backlog count is the counter's total less it.
   */
  private volatile long windowThrough = -1;

  private volatile long windowUpTo = -1;

  @Inject
  public MongoPendingEvents(
      Template template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      ForwardingConfig forwarding) {
    this(template, client, database, forwarding.gapGrace.toMillis());
  }

  MongoPendingEvents(Template template, MongoClient client, String database, long graceMillis) {
    this.template = template;
    MongoDatabase db = client.getDatabase(database);
    this.batches = db.getCollection(EdgeLog.COLLECTION);
    this.meta = db.getCollection(EdgeLog.META);
    this.rejected = db.getCollection(EdgeLog.REJECTED);
    this.graceMillis = graceMillis;
  }

  /** For CDI's proxy only. */
  protected MongoPendingEvents() {
    this.template = null;
    this.batches = null;
    this.meta = null;
    this.rejected = null;
    this.graceMillis = 0;
  }

  @Override
  public Window next(int maxEvents) {
    Document cursorDocument = metaDocument(EdgeLog.TELEMETRY_CURSOR);
    long cursor = number(cursorDocument, EdgeLog.SEQ);
    Document counter = metaDocument(EdgeLog.SEQUENCE);
    long newest = number(counter, EdgeLog.SEQ);
    long reservedAt = number(counter, EdgeLog.AT);
    long now = System.currentTimeMillis();
    List<BufferedEvent> events = new ArrayList<>();
    long through = cursor;
    long upTo = number(cursorDocument, EdgeLog.EVENTS_TOTAL);
    int skipped = 0;
    long oldest = Long.MAX_VALUE;
    while (through < newest && events.size() < maxEvents) {
      long to = Math.min(newest, through + LOOKUP);
      TreeMap<Long, Document> documents = read(range(through + 1, to));
      // The range ends in numbers without a batch, not at the log's head: a block of numbers
      // that an ingest killed mid-block reserved and never wrote can be longer than a look-up
      // (write.sequence-block, 256). Whether they may still be written is told by the first batch
      // after them (LogWindows), so look on until one is found. Without it, a gap longer than a
      // look-up held the drain for as long as posts kept coming (bench/kill-at-scale.sh found it).
      for (int more = 0; !documents.containsKey(to) && to < newest && more < LOOKAHEAD; more++) {
        long from = to + 1;
        to = Math.min(newest, to + LOOKUP);
        TreeMap<Long, Document> further = read(range(from, to));
        documents.putAll(further);
        if (!further.isEmpty()) {
          break;
        }
      }
      TreeMap<Long, LogWindows.Batch> found = new TreeMap<>();
      documents.forEach(
          (seq, document) ->
              found.put(
                  seq,
                  new LogWindows.Batch(
                      seq, number(document, EdgeLog.STORED_AT), eventsOf(document).size())));
      LogWindows.Plan plan =
          LogWindows.plan(
              through, found, to, newest, reservedAt, now, graceMillis, maxEvents - events.size());
      for (LogWindows.Batch batch : plan.take()) {
        Document document = documents.get(batch.seq());
        events.addAll(decode(batch.seq(), document));
        oldest = Math.min(oldest, batch.storedAtMillis());
        upTo += batch.events();
      }
      skipped += plan.skippedGaps();
      boolean stoppedEarly = plan.through() < to;
      through = plan.through();
      if (stoppedEarly) {
        break;
      }
    }
    windowThrough = through;
    windowUpTo = upTo;
    return new Window(
        cursor,
        through,
        List.copyOf(events),
        skipped,
        oldest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(oldest));
  }

  @Override
  public void advance(Window window, long atMillis) {
    if (window.isEmpty()) {
      return;
    }
    List<org.bson.conversions.Bson> updates = new ArrayList<>();
    updates.add(Updates.max(EdgeLog.SEQ, window.through()));
    updates.add(Updates.set(EdgeLog.AT, atMillis));
    if (windowThrough == window.through()) {
      updates.add(Updates.max(EdgeLog.EVENTS_TOTAL, windowUpTo));
    }
    meta.updateOne(
        Filters.eq(ID, EdgeLog.TELEMETRY_CURSOR),
        Updates.combine(updates),
        new UpdateOptions().upsert(true));
  }

  @Override
  public void reject(BufferedEvent event, String reason) {
    setAside(event.id(), reason, document(event));
  }

  private void setAside(String id, String reason, Object stored) {
    rejected.replaceOne(
        Filters.eq(ID, id),
        new Document(ID, id).append(EdgeLog.REASON, reason).append(EdgeLog.EVENT, stored),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public long compact(long storedBeforeMillis) {
    Document cursor = metaDocument(EdgeLog.TELEMETRY_CURSOR);
    long forwarded = number(cursor, EdgeLog.SEQ);
    long compacted = number(cursor, EdgeLog.COMPACTED);
    long deleted = 0;
    long started = System.nanoTime();
    while (compacted < forwarded && System.nanoTime() - started < COMPACT_BUDGET_NANOS) {
      long to = Math.min(forwarded, compacted + COMPACT_CHUNK);
      TreeMap<Long, Document> documents = read(range(compacted + 1, to));
      long through = compacted;
      List<Long> seqs = new ArrayList<>();
      boolean young = false;
      for (long seq = compacted + 1; seq <= to; seq++) {
        Document document = documents.get(seq);
        if (document != null && number(document, EdgeLog.STORED_AT) >= storedBeforeMillis) {
          // Kept; the mark stops before it, though older batches in this chunk still go (a
          // batch written again under a new number, or migrated, is stored out of order).
          young = true;
          continue;
        }
        if (document != null) {
          seqs.add(seq);
        }
        if (!young) {
          through = seq;
        }
      }
      if (!seqs.isEmpty()) {
        batches.deleteMany(Filters.in(ID, seqs));
      }
      if (through > compacted) {
        meta.updateOne(
            Filters.eq(ID, EdgeLog.TELEMETRY_CURSOR),
            Updates.max(EdgeLog.COMPACTED, through),
            new UpdateOptions().upsert(true));
      }
      deleted += seqs.size();
      compacted = through;
      if (young) {
        break;
      }
    }
    return deleted;
  }

  @Override
  public Backlog backlog() {
    Document cursor = metaDocument(EdgeLog.TELEMETRY_CURSOR);
    Document counter = metaDocument(EdgeLog.SEQUENCE);
    long forwarded = number(cursor, EdgeLog.SEQ);
    long newest = number(counter, EdgeLog.SEQ);
    long pending =
        Math.max(0, number(counter, EdgeLog.EVENTS_TOTAL) - number(cursor, EdgeLog.EVENTS_TOTAL));
    if (newest <= forwarded) {
      return Backlog.EMPTY;
    }
    // The next few numbers, in case the first is a gap.
    OptionalLong oldest =
        read(range(forwarded + 1, Math.min(newest, forwarded + 8))).values().stream()
            .mapToLong(document -> number(document, EdgeLog.STORED_AT))
            .min();
    return new Backlog(pending, oldest);
  }

  @Override
  public void probe() {
    // Through JNoSQL's own client and its short timeouts: answers fast or fails fast, also while
    // the relay's client waits for a slow drain read. An id lookup on the buffer's database.
    template.find(BufferedEvent.class, "readiness-probe");
  }

  private Document metaDocument(String id) {
    Document document = meta.find(Filters.eq(ID, id)).first();
    return document == null ? new Document() : document;
  }

  private TreeMap<Long, Document> read(Collection<Long> seqs) {
    TreeMap<Long, Document> found = new TreeMap<>();
    if (seqs.isEmpty()) {
      return found;
    }
    for (Document document : batches.find(Filters.in(ID, seqs))) {
      if (document.get(ID) instanceof Number seq) {
        found.put(seq.longValue(), document);
      }
    }
    return found;
  }

  private static List<Long> range(long from, long to) {
    List<Long> seqs = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      seqs.add(seq);
    }
    return seqs;
  }

  private static List<?> eventsOf(Document batch) {
    return batch.get(EdgeLog.EVENTS) instanceof List<?> events ? events : List.of();
  }

  /** The events of a batch; one that breaks the layout is set aside, never sent. */
  private List<BufferedEvent> decode(long seq, Document batch) {
    List<?> stored = eventsOf(batch);
    List<BufferedEvent> events = new ArrayList<>(stored.size());
    for (int i = 0; i < stored.size(); i++) {
      Object raw = stored.get(i);
      try {
        if (!(raw instanceof Document document)) {
          throw new IllegalArgumentException("not a document");
        }
        events.add(event(document));
      } catch (RuntimeException e) {
        String id =
            raw instanceof Document d && d.get(EdgeLog.EVENT_ID) instanceof String eventId
                ? eventId
                : seq + ":" + i;
        LOG.log(
            Level.SEVERE,
            "stored event " + id + " of batch " + seq + " breaks the buffer's layout; set aside",
            e);
        setAside(id, "breaks the buffer's layout: " + e.getMessage(), raw);
      }
    }
    return events;
  }

  /** The event of an embedded document, in the layout ingest writes (EdgeLog). */
  static BufferedEvent event(Document d) {
    List<BufferedReading> readings = new ArrayList<>();
    for (Document r : d.getList("readings", Document.class)) {
      readings.add(
          new BufferedReading(
              r.getString("id"),
              required(r, "origin"),
              required(r.getString("resourceName"), "resourceName"),
              required(r.getString("valueType"), "valueType"),
              required(r.getString("value"), "value"),
              r.getString("units")));
    }
    return new BufferedEvent(
        required(d.getString(EdgeLog.EVENT_ID), EdgeLog.EVENT_ID),
        required(d.getString("deviceName"), "deviceName"),
        d.getString("profileName"),
        d.getString("sourceName"),
        required(d, "origin"),
        List.copyOf(readings),
        EventState.PENDING,
        required(d, "receivedAt"),
        null,
        d.get("site") instanceof String site ? site : null,
        d.get("room") instanceof String room ? room : null);
  }

  /** An event as a document, for the set-aside collection. */
  private static Document document(BufferedEvent event) {
    List<Document> readings = new ArrayList<>();
    for (BufferedReading r : event.readings()) {
      readings.add(
          new Document("id", r.id())
              .append("origin", r.origin())
              .append("resourceName", r.resourceName())
              .append("valueType", r.valueType())
              .append("value", r.value())
              .append("units", r.units()));
    }
    return new Document(EdgeLog.EVENT_ID, event.id())
        .append("deviceName", event.deviceName())
        .append("profileName", event.profileName())
        .append("sourceName", event.sourceName())
        .append("origin", event.origin())
        .append("readings", readings)
        .append("receivedAt", event.receivedAt())
        .append("site", event.site())
        .append("room", event.room());
  }

  private static long required(Document d, String field) {
    Number n = d.get(field, Number.class);
    if (n == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return n.longValue();
  }

  private static long number(Document d, String field) {
    return d.get(field) instanceof Number n ? n.longValue() : 0L;
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }
}
