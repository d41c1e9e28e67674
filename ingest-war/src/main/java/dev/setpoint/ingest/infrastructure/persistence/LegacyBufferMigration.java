package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;

/**
 * Moves what the edge buffer held in its layout before the batch log (one document per event in
 * {@link BufferedEvent#COLLECTION}, with a {@code state}) into the log, once, at start: so an
 * upgrade loses nothing. FORWARDED events are deleted (the cloud has them), REJECTED ones go to
 * {@link EdgeLog#REJECTED}, and the PENDING ones are appended to the log {@link #CHUNK} at a time,
 * each chunk oldest origin first, then deleted from the old collection; the collection is dropped
 * when empty. A move cut short by a crash between a chunk's append and its deletion appends that
 * chunk again at the next start: stored and forwarded twice, once in effect downstream (InfluxDB
 * overwrites the same point; see {@link RecentEventIds}). Memory is one chunk. The order across
 * chunks is the old collection's storage order (by event id), so a device's backlog from before the
 * upgrade may reach the cloud out of order; each event still arrives once.
 */
final class LegacyBufferMigration {
  static final int CHUNK = 256;

  private final BatchLog log;
  private final BatchAppender appender;
  private final MongoCollection<Document> legacy;

  /**
   * @param writeTimeout ingest's write timeout (see {@link BatchAppender})
   */
  LegacyBufferMigration(BatchLog log, Duration writeTimeout, MongoCollection<Document> legacy) {
    this.log = log;
    this.appender = new BatchAppender(log, writeTimeout, 1); // a number per chunk, none left over
    this.legacy = legacy;
  }

  /**
   * Moves everything.
   *
   * @return how many PENDING events were appended to the log
   */
  long run() {
    if (legacy.estimatedDocumentCount() == 0) {
      return 0;
    }
    legacy.deleteMany(Filters.eq(EventDocuments.STATE, EventState.FORWARDED.name()));
    for (Document rejected :
        legacy.find(Filters.ne(EventDocuments.STATE, EventState.PENDING.name()))) {
      BufferedEvent event = EventDocuments.fromLegacy(rejected);
      log.rejected.replaceOne(
          Filters.eq(EdgeLog.ID, event.id()),
          new Document(EdgeLog.ID, event.id())
              .append(EdgeLog.REASON, "set aside before the upgrade to the batch log")
              .append(EdgeLog.EVENT, EventDocuments.toEmbedded(event)),
          new ReplaceOptions().upsert(true));
    }
    legacy.deleteMany(Filters.ne(EventDocuments.STATE, EventState.PENDING.name()));
    long moved = 0;
    while (true) {
      // Only PENDING documents are left, so an unfiltered, unsorted read stops after a chunk.
      List<Document> chunk = legacy.find().limit(CHUNK).into(new ArrayList<>());
      if (chunk.isEmpty()) {
        break;
      }
      List<BufferedEvent> events = new ArrayList<>(chunk.size());
      List<Object> ids = new ArrayList<>(chunk.size());
      for (Document document : chunk) {
        events.add(EventDocuments.fromLegacy(document));
        ids.add(document.get(EventDocuments.ID));
      }
      List<BufferedEvent> oldestFirst =
          events.stream().sorted(Comparator.comparingLong(BufferedEvent::origin)).toList();
      appender.append(oldestFirst, System.currentTimeMillis());
      moved += oldestFirst.size();
      legacy.deleteMany(Filters.in(EventDocuments.ID, ids));
    }
    legacy.drop();
    return moved;
  }
}
