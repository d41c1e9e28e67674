package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EdgeLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The edge buffer's batch log ({@link EdgeLog}) as ingest writes and reads it: every operation is
 * an exact or {@code $in} lookup on {@code _id}, the one index the stack's mongo-java-server really
 * has (its H2 collection is a map keyed by {@code _id}; any other filter, and any sort, costs the
 * whole collection) and one every MongoDB serves.
 *
 * <p>An append ({@link #append}) is three write commands, whatever the batch's size: reserve the
 * next sequence number ({@code findOneAndUpdate $inc} on the counter document, so several ingest
 * replicas on a real MongoDB never share one), insert the batch document, then insert the events'
 * ids (unordered). The duplicate check before it ({@link #storedIds}) is a read. The batch document
 * is what makes an event stored: 201 follows its commit.
 *
 * <p>Crash between the batch document and its ids: the events are stored but their ids are not, and
 * the device, which never got its 201, posts them again; they are stored a second time, and the
 * relay forwards both copies. Downstream deduplicates by event id (InfluxDB overwrites the same
 * point; the analytics writes are keyed by the event id), so the effect is still once. {@link
 * #repairIds} re-inserts the ids of the newest batch documents at start, which closes the window
 * for a crash of ingest itself. Several replicas may both pass the duplicate check for one event
 * sent to both at once; the same reasoning holds.
 *
 * <p>A reserved number whose batch document is never written (the insert failed) is a gap; the
 * relay skips a gap once batch documents after it are older than its gap grace. So that no batch
 * document lands behind a relay that already skipped its number, an insert that finished later than
 * the write timeout after its reservation is written again under a fresh number (the events then
 * stored twice, as above).
 */
final class BatchLog {
  private static final Logger LOG = Logger.getLogger(BatchLog.class.getName());
  private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
  private static final FindOneAndUpdateOptions RESERVE =
      new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

  /** How many of the newest batch documents have their ids re-inserted at start. */
  static final int REPAIR_BATCHES = 64;

  final MongoCollection<Document> batches;
  final MongoCollection<Document> ids;
  final MongoCollection<Document> meta;
  final MongoCollection<Document> rejected;
  private final Duration rewriteAfter;

  /** A reserved sequence number and the running event total through it. */
  record Reservation(long seq, long upTo) {}

  /** The relay's position: forwarded through {@code seq}, deleted through {@code compacted}. */
  record Cursor(long seq, long compacted) {}

  BatchLog(MongoClient client, String database, Duration rewriteAfter) {
    MongoDatabase db = client.getDatabase(database);
    this.batches = db.getCollection(EdgeLog.COLLECTION);
    this.ids = db.getCollection(EdgeLog.IDS);
    this.meta = db.getCollection(EdgeLog.META);
    this.rejected = db.getCollection(EdgeLog.REJECTED);
    this.rewriteAfter = rewriteAfter;
  }

  /** Which of these event ids are stored: one {@code $in} lookup. */
  Set<String> storedIds(List<String> eventIds) {
    Set<String> stored = new HashSet<>();
    if (eventIds.isEmpty()) {
      return stored;
    }
    for (Document id :
        ids.find(Filters.in(EdgeLog.ID, eventIds)).projection(Projections.include(EdgeLog.ID))) {
      stored.add(String.valueOf(id.get(EdgeLog.ID)));
    }
    return stored;
  }

  /**
   * Appends the events as one batch document, then their ids; returns its sequence number once the
   * batch document is committed.
   *
   * @throws MongoException the batch document may or may not be stored (see {@link
   *     BatchOutcomes#failed})
   */
  long append(List<BufferedEvent> events, long storedAtMillis) {
    Reservation reservation;
    while (true) {
      reservation = reserve(events.size(), storedAtMillis);
      long reservedAt = System.nanoTime();
      batches.insertOne(
          EventDocuments.batch(reservation.seq(), reservation.upTo(), storedAtMillis, events));
      long took = System.nanoTime() - reservedAt;
      if (took <= rewriteAfter.toNanos()) {
        break;
      }
      LOG.warning(
          "batch "
              + reservation.seq()
              + " took "
              + took / 1_000_000
              + " ms to store, longer than the write timeout: written again under a new number,"
              + " in case the relay skipped it as a gap");
    }
    insertIds(events, reservation.seq());
    return reservation.seq();
  }

  private Reservation reserve(int count, long atMillis) {
    Bson inc =
        Updates.combine(
            Updates.inc(EdgeLog.SEQ, 1L),
            Updates.inc(EdgeLog.EVENTS_TOTAL, (long) count),
            Updates.set(EdgeLog.AT, atMillis));
    Document counter =
        meta.findOneAndUpdate(Filters.eq(EdgeLog.ID, EdgeLog.SEQUENCE), inc, RESERVE);
    return new Reservation(
        EventDocuments.number(counter, EdgeLog.SEQ),
        EventDocuments.number(counter, EdgeLog.EVENTS_TOTAL));
  }

  /** Inserts the ids; one already there (a retry, a repair) is fine. */
  private void insertIds(List<BufferedEvent> events, long seq) {
    List<Document> documents = new ArrayList<>(events.size());
    Set<String> seen = new HashSet<>();
    for (BufferedEvent event : events) {
      if (seen.add(event.id())) {
        documents.add(new Document(EdgeLog.ID, event.id()).append(EdgeLog.SEQ, seq));
      }
    }
    try {
      ids.insertMany(documents, UNORDERED);
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream()
          .anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
        LOG.log(
            Level.WARNING,
            "batch " + seq + " is stored but some of its ids are not; a resend is stored twice",
            e);
      }
    } catch (MongoException e) {
      // Stored all the same: the answer is 201; a resend would be stored (and forwarded) twice.
      LOG.log(
          Level.WARNING,
          "batch " + seq + " is stored but its ids are not; a resend is stored twice",
          e);
    }
  }

  /** The last reserved sequence number, 0 before the first batch. */
  long newest() {
    Document counter = meta.find(Filters.eq(EdgeLog.ID, EdgeLog.SEQUENCE)).first();
    return counter == null ? 0 : EventDocuments.number(counter, EdgeLog.SEQ);
  }

  /** The relay's cursor, 0/0 before its first advance. */
  Cursor cursor() {
    Document cursor = meta.find(Filters.eq(EdgeLog.ID, EdgeLog.TELEMETRY_CURSOR)).first();
    return cursor == null
        ? new Cursor(0, 0)
        : new Cursor(
            EventDocuments.number(cursor, EdgeLog.SEQ),
            EventDocuments.number(cursor, EdgeLog.COMPACTED));
  }

  /** The batch documents numbered {@code fromSeq..toSeq} that exist, by number. */
  TreeMap<Long, Document> read(long fromSeq, long toSeq, Bson projection) {
    List<Long> seqs = new ArrayList<>();
    for (long seq = Math.max(1, fromSeq); seq <= toSeq; seq++) {
      seqs.add(seq);
    }
    return read(seqs, projection);
  }

  /** The batch documents of these sequence numbers that exist, by number: one {@code $in}. */
  TreeMap<Long, Document> read(Collection<Long> seqs, Bson projection) {
    TreeMap<Long, Document> found = new TreeMap<>();
    if (seqs.isEmpty()) {
      return found;
    }
    var query = batches.find(Filters.in(EdgeLog.ID, seqs));
    if (projection != null) {
      query = query.projection(projection);
    }
    for (Document batch : query) {
      found.put(EventDocuments.number(batch, EdgeLog.ID), batch);
    }
    return found;
  }

  /**
   * Re-inserts the ids of the newest batch documents, which a crash between a batch document and
   * its ids may have left out. Idempotent.
   *
   * @return how many batch documents were looked at
   */
  int repairIds() {
    long newest = newest();
    TreeMap<Long, Document> recent = read(newest - REPAIR_BATCHES + 1, newest, null);
    for (var batch : recent.entrySet()) {
      insertIds(EventDocuments.eventsOf(batch.getValue(), null), batch.getKey());
    }
    return recent.size();
  }
}
