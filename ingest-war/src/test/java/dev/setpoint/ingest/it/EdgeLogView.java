package dev.setpoint.ingest.it;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.EdgeLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * The edge buffer's batch log ({@link EdgeLog}) as the ITs look into it and write to it directly:
 * counts of embedded events by a field (a scan, fine at a test's scale), an event by id, a batch
 * appended the way ingest appends one, and the relay's cursor moved by hand.
 */
final class EdgeLogView {
  private final MongoCollection<Document> log;
  private final MongoCollection<Document> meta;

  EdgeLogView(MongoDatabase db) {
    this.log = db.getCollection(EdgeLog.COLLECTION);
    this.meta = db.getCollection(EdgeLog.META);
  }

  /** Every stored event. */
  List<Document> events() {
    List<Document> events = new ArrayList<>();
    for (Document batch : log.find()) {
      events.addAll(batch.getList(EdgeLog.EVENTS, Document.class, List.of()));
    }
    return events;
  }

  /** How many events are stored. */
  long count() {
    return events().size();
  }

  /** How many stored events have this value in this field ({@code _id} means the event id). */
  long countOf(String field, Object value) {
    String name = "_id".equals(field) ? EdgeLog.EVENT_ID : field;
    return events().stream().filter(e -> Objects.equals(e.get(name), value)).count();
  }

  /** The stored event with this id, as embedded, or null. */
  Document event(String id) {
    return events().stream()
        .filter(e -> id.equals(e.get(EdgeLog.EVENT_ID)))
        .findFirst()
        .orElse(null);
  }

  /** Appends a batch as ingest does (reserve, then the batch document); returns its number. */
  long append(long storedAtMillis, List<Document> events) {
    Document counter =
        meta.findOneAndUpdate(
            Filters.eq("_id", EdgeLog.SEQUENCE),
            Updates.combine(
                Updates.inc(EdgeLog.SEQ, 1L),
                Updates.inc(EdgeLog.EVENTS_TOTAL, (long) events.size()),
                Updates.set(EdgeLog.AT, storedAtMillis)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    long seq = counter.getLong(EdgeLog.SEQ);
    List<Document> devices = new ArrayList<>();
    for (Document event : events) {
      devices.add(new Document(EdgeLog.DEVICE, event.get("deviceName")).append(EdgeLog.COUNT, 1));
    }
    log.insertOne(
        new Document("_id", seq)
            .append(EdgeLog.STORED_AT, storedAtMillis)
            .append(EdgeLog.COUNT, events.size())
            .append(EdgeLog.DEVICES, devices)
            .append(EdgeLog.EVENTS, events));
    return seq;
  }

  /** The last reserved sequence number. */
  long newest() {
    Document counter = meta.find(Filters.eq("_id", EdgeLog.SEQUENCE)).first();
    return counter == null ? 0 : counter.getLong(EdgeLog.SEQ);
  }

  /** Moves the relay's cursor to {@code seq}, as the relay does once the broker has it all. */
  void forwardThrough(long seq) {
    meta.updateOne(
        Filters.eq("_id", EdgeLog.TELEMETRY_CURSOR),
        Updates.combine(
            Updates.max(EdgeLog.SEQ, seq), Updates.set(EdgeLog.AT, System.currentTimeMillis())),
        new UpdateOptions().upsert(true));
  }

  /** Whether a batch document with this number is stored. */
  boolean hasBatch(long seq) {
    return log.countDocuments(Filters.eq("_id", seq)) == 1;
  }
}
