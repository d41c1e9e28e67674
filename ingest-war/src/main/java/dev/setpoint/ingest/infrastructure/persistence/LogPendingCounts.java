package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Projections;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.ingest.domain.PendingEventCounts;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every device's count of events still to forward, kept in memory and brought up to date from the
 * batch log's per-device summaries: batches appended since the last look are added, batches the
 * relay's cursor has passed since are subtracted. A look costs two lookups by {@code _id} plus the
 * summaries of what changed since, never a count over the backlog; the first look (and one after
 * the relay compacted past what this one last saw) rebuilds from the unforwarded part of the log.
 * Memory is one entry per device with events waiting, plus the sequence numbers reserved but not
 * yet seen written (in flight, or gaps), until the cursor passes them.
 */
@ApplicationScoped
public class LogPendingCounts implements PendingEventCounts {
  private static final Bson SUMMARY = Projections.include(EdgeLog.DEVICES);
  private static final long FRESH_NANOS = 1_000_000_000L;

  private final BatchLog log;
  private final Map<String, Long> pending = new HashMap<>();
  private final Set<Long> unseen = new HashSet<>();
  private boolean built;
  private long seenNewest;
  private long seenCursor;
  private long syncedAt;

  @Inject
  public LogPendingCounts(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    this.log = new BatchLog(client, database);
  }

  LogPendingCounts(BatchLog log) {
    this.log = log;
  }

  /** For CDI's proxy only. */
  protected LogPendingCounts() {
    this.log = null;
  }

  @Override
  public synchronized long pendingOf(String deviceName) {
    try {
      if (!built || System.nanoTime() - syncedAt > FRESH_NANOS) {
        sync();
      }
    } catch (MongoException e) {
      throw new StoreUnavailableException(
          "the edge buffer (MongoDB) could not be read: " + e.getMessage(), e);
    }
    return Math.max(0, pending.getOrDefault(deviceName, 0L));
  }

  private void sync() {
    BatchLog.Cursor cursor = log.cursor();
    long newest = log.newest();
    if (!built || cursor.compacted() > seenCursor) {
      pending.clear();
      unseen.clear();
      seenCursor = cursor.seq();
      seenNewest = cursor.seq();
      built = true;
    }
    // Appended since: added; a number not written yet is looked at again next time.
    for (long lo = seenNewest + 1; lo <= newest; lo += MongoEventQueries.WINDOW * 16L) {
      long hi = Math.min(newest, lo + MongoEventQueries.WINDOW * 16L - 1);
      TreeMap<Long, Document> found = log.read(lo, hi, SUMMARY);
      for (long seq = lo; seq <= hi; seq++) {
        Document batch = found.get(seq);
        if (batch == null) {
          unseen.add(seq);
        } else {
          add(batch, 1);
        }
      }
    }
    seenNewest = Math.max(seenNewest, newest);
    if (!unseen.isEmpty()) {
      TreeMap<Long, Document> late = log.read(new ArrayList<>(unseen), SUMMARY);
      for (var batch : late.entrySet()) {
        if (unseen.remove(batch.getKey())) {
          add(batch.getValue(), 1);
        }
      }
    }
    // Forwarded since: subtracted, unless never added.
    for (long lo = seenCursor + 1; lo <= cursor.seq(); lo += MongoEventQueries.WINDOW * 16L) {
      long hi = Math.min(cursor.seq(), lo + MongoEventQueries.WINDOW * 16L - 1);
      TreeMap<Long, Document> passed = log.read(lo, hi, SUMMARY);
      for (long seq = lo; seq <= hi; seq++) {
        if (unseen.remove(seq)) {
          continue;
        }
        Document batch = passed.get(seq);
        if (batch != null) {
          add(batch, -1);
        }
      }
    }
    seenCursor = Math.max(seenCursor, cursor.seq());
    syncedAt = System.nanoTime();
  }

  private void add(Document batch, int sign) {
    EventDocuments.devicesOf(batch)
        .forEach(
            (device, count) -> {
              long now = pending.getOrDefault(device, 0L) + (long) sign * count;
              if (now <= 0) {
                pending.remove(device);
              } else {
                pending.put(device, now);
              }
            });
  }
}
