package dev.setpoint.relay.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.relay.domain.PendingEvents;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's drain, cursor, gaps and compaction, through the real driver on mongo-java-server. */
class MongoPendingEventsTest {
  private static final long GRACE = 60_000;

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase db;
  private MongoPendingEvents buffer;

  @BeforeEach
  void start() {
    server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    client =
        MongoClients.create(
            "mongodb://"
                + address.getHostString()
                + ":"
                + address.getPort()
                + "/?serverSelectionTimeoutMS=2000");
    db = client.getDatabase("setpoint-test");
    buffer = new MongoPendingEvents(null, client, "setpoint-test", GRACE);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private static Document event(String id, String device) {
    return new Document("id", id)
        .append("deviceName", device)
        .append("profileName", "room-sensor")
        .append("sourceName", "climate")
        .append("origin", 1_000L)
        .append(
            "readings",
            List.of(
                new Document("id", "r-" + id)
                    .append("origin", 1_000L)
                    .append("resourceName", "temperature")
                    .append("valueType", "Float64")
                    .append("value", "21.5")
                    .append("units", "degC")))
        .append("receivedAt", 500L)
        .append("site", null)
        .append("room", null);
  }

  /** Reserves the next number as ingest does. */
  private long reserve(int events, long atMillis) {
    Document counter =
        db.getCollection(EdgeLog.META)
            .findOneAndUpdate(
                Filters.eq("_id", EdgeLog.SEQUENCE),
                Updates.combine(
                    Updates.inc(EdgeLog.SEQ, 1L),
                    Updates.inc(EdgeLog.EVENTS_TOTAL, (long) events),
                    Updates.set(EdgeLog.AT, atMillis)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return counter.getLong(EdgeLog.SEQ);
  }

  private long append(long storedAt, Document... events) {
    long seq = reserve(events.length, storedAt);
    Document counter = db.getCollection(EdgeLog.META).find(Filters.eq("_id", "sequence")).first();
    db.getCollection(EdgeLog.COLLECTION)
        .insertOne(
            new Document("_id", seq)
                .append(EdgeLog.STORED_AT, storedAt)
                .append(EdgeLog.COUNT, events.length)
                .append(EdgeLog.DEVICES, List.of())
                .append(EdgeLog.EVENTS, List.of(events)));
    return seq;
  }

  private static List<String> ids(PendingEvents.Window window) {
    return window.events().stream().map(BufferedEvent::id).toList();
  }

  @Test
  void windowsFollowTheCursorInStorageOrderAndTheBacklogIsLookupsOnly() {
    long now = System.currentTimeMillis();
    for (int i = 0; i < 50; i++) {
      append(now - 1_000 + i, event("a" + i, "rack-1"), event("b" + i, "rack-2"));
    }
    assertEquals(
        new dev.setpoint.relay.domain.Backlog(100, OptionalLong.of(now - 1_000)), buffer.backlog());

    PendingEvents.Window first = buffer.next(30);
    assertEquals(0, first.after());
    assertEquals(15, first.through(), "whole batches: 15 of 2 events");
    assertEquals(List.of("a0", "b0", "a1", "b1"), ids(first).subList(0, 4));
    assertEquals(first, buffer.next(30), "the cursor does not move until advanced");

    buffer.advance(first, now);
    PendingEvents.Window second = buffer.next(1_000);
    assertEquals(15, second.after());
    assertEquals(50, second.through(), "read 128 numbers at a time until the log ends");
    assertEquals(70, second.events().size());
    assertEquals(70, buffer.backlog().pending());
    buffer.advance(second, now);
    assertTrue(buffer.next(10).isEmpty());
    assertEquals(dev.setpoint.relay.domain.Backlog.EMPTY, buffer.backlog());
  }

  @Test
  void aFreshGapHoldsTheDrainAndAnOldOneIsPassedOver() {
    long now = System.currentTimeMillis();
    append(now, event("a", "rack-1"));
    reserve(1, now); // being written, or failed: not known yet
    append(now, event("c", "rack-1"));

    PendingEvents.Window held = buffer.next(100);
    assertEquals(List.of("a"), ids(held), "nothing past a gap that may still be filled");
    buffer.advance(held, now);

    long old = now - GRACE - 1;
    db.getCollection(EdgeLog.COLLECTION)
        .updateOne(Filters.eq("_id", 3L), Updates.set(EdgeLog.STORED_AT, old));
    PendingEvents.Window passed = buffer.next(100);
    assertEquals(List.of("c"), ids(passed));
    assertEquals(1, passed.skippedGaps());
    assertEquals(3, passed.through());
  }

  @Test
  void aGapLongerThanOneLookUpIsPassedOnceTheBatchAfterItIsSettledWhilePostsKeepComing() {
    long now = System.currentTimeMillis();
    long old = now - GRACE - 1;
    append(old, event("a", "rack-1"));
    int lost = 2 * MongoPendingEvents.LOOKUP + 44; // a block reserved by an ingest killed mid-block
    for (int i = 0; i < lost; i++) {
      reserve(0, old);
    }
    append(old, event("c", "rack-1")); // the restarted ingest's first batch, long stored
    append(now, event("d", "rack-2")); // posts keep coming: the newest reservation is fresh

    PendingEvents.Window window = buffer.next(100);
    assertEquals(List.of("a", "c", "d"), ids(window), "the gap is settled by the batch after it");
    assertEquals(lost, window.skippedGaps());
    assertEquals(lost + 3, window.through());
  }

  @Test
  void aLongGapBeforeAFreshBatchStillHoldsTheDrain() {
    long now = System.currentTimeMillis();
    append(now, event("a", "rack-1"));
    for (int i = 0; i < MongoPendingEvents.LOOKUP + 10; i++) {
      reserve(0, now); // numbers being written right now
    }
    append(now, event("c", "rack-1"));

    PendingEvents.Window held = buffer.next(100);
    assertEquals(List.of("a"), ids(held), "nothing past numbers that may still be written");
    assertEquals(1, held.through());
  }

  @Test
  void aNumberIngestReleasedUnusedIsPassedAtOnceAndTheBacklogCountsEventsOnly() {
    long now = System.currentTimeMillis();
    append(now, event("a", "rack-1"));
    append(now); // reserved in a block and released: a batch with no events
    append(now, event("c", "rack-1"), event("d", "rack-2"));
    assertEquals(3, buffer.backlog().pending());

    PendingEvents.Window window = buffer.next(100);
    assertEquals(List.of("a", "c", "d"), ids(window), "no wait for the gap grace");
    assertEquals(0, window.skippedGaps());
    assertEquals(3, window.through());
    buffer.advance(window, now);
    assertEquals(dev.setpoint.relay.domain.Backlog.EMPTY, buffer.backlog());

    append(now, event("e", "rack-1"));
    buffer.advance(buffer.next(100), now);
    assertEquals(
        4L,
        db.getCollection(EdgeLog.META)
            .find(Filters.eq("_id", EdgeLog.TELEMETRY_CURSOR))
            .first()
            .getLong(EdgeLog.EVENTS_TOTAL),
        "events forwarded, counted by the relay");
  }

  @Test
  void anEventThatBreaksTheLayoutIsSetAsideAndTheRestGo() {
    long now = System.currentTimeMillis();
    Document broken = event("bad", "rack-1");
    broken.remove("deviceName");
    append(now, broken, event("good", "rack-1"));

    PendingEvents.Window window = buffer.next(100);

    assertEquals(List.of("good"), ids(window));
    assertEquals(1, window.through());
    Document aside = db.getCollection(EdgeLog.REJECTED).find(Filters.eq("_id", "bad")).first();
    assertTrue(aside.getString(EdgeLog.REASON).contains("deviceName"), aside.toJson());
  }

  @Test
  void compactionDeletesForwardedOldBatchesAndTheirIdsOnly() {
    long now = System.currentTimeMillis();
    long day = 86_400_000L;
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      seqs.add(append(now - 2 * day, event("old" + i, "rack-1")));
    }
    long young = append(now, event("young", "rack-1"));
    long oldAfterYoung = append(now - 2 * day, event("late", "rack-1"));
    long unforwarded = append(now - 2 * day, event("waiting", "rack-1"));
    PendingEvents.Window all = buffer.next(102);
    assertEquals(oldAfterYoung, all.through());
    buffer.advance(all, now);

    assertEquals(101, buffer.compact(now - day));

    assertEquals(2, db.getCollection(EdgeLog.COLLECTION).countDocuments(), "young and waiting");
    assertEquals(1, db.getCollection(EdgeLog.COLLECTION).countDocuments(Filters.eq("_id", young)));
    assertEquals(
        1, db.getCollection(EdgeLog.COLLECTION).countDocuments(Filters.eq("_id", unforwarded)));
    Document cursor =
        db.getCollection(EdgeLog.META).find(Filters.eq("_id", EdgeLog.TELEMETRY_CURSOR)).first();
    assertEquals(young - 1, cursor.getLong(EdgeLog.COMPACTED), "the mark stops before the kept");
  }
}
