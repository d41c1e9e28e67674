package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The edge buffer's batch log ({@link EdgeLog}) as ingest reads it, and its collections for {@link
 * BatchAppender}, which writes it: every operation is an exact or {@code $in} lookup on {@code
 * _id}, the one index the stack's mongo-java-server really has (its H2 collection is a map keyed by
 * {@code _id}; any other filter, and any sort, costs the whole collection) and one every MongoDB
 * serves.
 *
 * <p>No document per event: an id document with a random key costs a B-tree page rewrite per event
 * (in the data and in the {@code _id} index, and again when compaction deletes it), which held the
 * log to about 900 events/s on the stack's MongoDB-wire server (docs/benchmarks.md). The duplicate
 * check is {@link RecentEventIds}', in memory; a lookup by event id walks the log ({@link #walk}).
 * Sequence numbers are dense, but a number may hold an empty batch document (one {@link
 * BatchAppender} reserved and did not use) or none (a failed write: a gap the relay passes after
 * its grace).
 */
final class BatchLog {
  /**
   * The per-event id collection of the batch log's first version (never released), dropped at start
   * if a development database still has it.
   */
  static final String LEFTOVER_IDS = "edgelogIds";

  /** Batch documents read per round trip of a walk, at first. */
  static final int WINDOW = 16;

  /** The most batch documents read per round trip of a walk (an {@code $in} of that many). */
  static final int MAX_WINDOW = 256;

  /** A window with fewer events than this doubles for the next. */
  private static final int FEW_EVENTS = 1_024;

  final MongoCollection<Document> batches;
  final MongoCollection<Document> meta;
  final MongoCollection<Document> rejected;
  private final MongoDatabase database;

  /** The relay's position: forwarded through {@code seq}, deleted through {@code compacted}. */
  record Cursor(long seq, long compacted) {}

  BatchLog(MongoClient client, String database) {
    MongoDatabase db = client.getDatabase(database);
    this.batches = db.getCollection(EdgeLog.COLLECTION);
    this.database = db;
    this.meta = db.getCollection(EdgeLog.META);
    this.rejected = db.getCollection(EdgeLog.REJECTED);
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

  /** Visits one batch document; false stops the walk. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(long seq, Document batch, EventState state);
  }

  /**
   * Visits the batch documents newest first, from the newest reserved number down to the relay's
   * compacted mark, a window at a time: {@link #WINDOW} numbers, doubled up to {@link #MAX_WINDOW}
   * while windows hold few events (at a low rate a batch holds one event, and a walk would
   * otherwise be a round trip per 16 events). Memory is one window.
   *
   * @param projection the fields to read ({@link EdgeLog#COUNT} among them), or null for all
   * @return whether the visitor stopped the walk
   */
  boolean walk(Bson projection, Visitor visitor) {
    Cursor cursor = cursor();
    long newest = newest();
    int window = WINDOW;
    for (long hi = newest; hi > cursor.compacted(); ) {
      long lo = Math.max(cursor.compacted() + 1, hi - window + 1);
      long events = 0;
      for (Map.Entry<Long, Document> batch : read(lo, hi, projection).descendingMap().entrySet()) {
        events += EventDocuments.number(batch.getValue(), EdgeLog.COUNT);
        EventState state =
            batch.getKey() <= cursor.seq() ? EventState.FORWARDED : EventState.PENDING;
        if (!visitor.visit(batch.getKey(), batch.getValue(), state)) {
          return true;
        }
      }
      hi = lo - 1;
      if (events < FEW_EVENTS && window < MAX_WINDOW) {
        window *= 2;
      }
    }
    return false;
  }

  /**
   * Drops the first version's per-event id collection if it is there (a development database from
   * before the batch log kept its ids in memory); nothing reads it any more.
   *
   * @return whether there was one
   */
  boolean dropLeftoverIds() {
    boolean there = database.listCollectionNames().into(new ArrayList<>()).contains(LEFTOVER_IDS);
    if (there) {
      database.getCollection(LEFTOVER_IDS).drop();
    }
    return there;
  }
}
