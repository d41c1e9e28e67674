package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.ingest.domain.EventFilter;
import dev.setpoint.ingest.domain.ReadingFilter;
import dev.setpoint.ingest.domain.SearchBoundedException;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch log's writes, reads, PENDING counts, the duplicate window's rebuild, bounded lookups by
 * id and the move of the old layout, through the real driver on an in-process MongoDB-wire server
 * (the stack's mongo-java-server, in memory).
 */
class BatchLogTest {
  private InMemoryMongo mongo;
  private MongoClient client;
  private BatchLog log;

  /** A number per batch, so the tests below can name batches by number. */
  private BatchAppender appender;

  private MongoEventQueries queries;
  private RecentEventIds recent;

  @BeforeEach
  void start() {
    mongo = new InMemoryMongo();
    client = mongo.client;
    log = new BatchLog(client, "setpoint-test");
    appender = new BatchAppender(log, Duration.ofSeconds(5), 1);
    queries = new MongoEventQueries(log, 1_000);
    recent = new RecentEventIds(32, 100);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  /** An event of two readings, as the batch log's tests store them. */
  static BufferedEvent event(String id, String device, long origin) {
    return new BufferedEvent(
        id,
        device,
        "room-sensor",
        "climate",
        origin,
        List.of(
            new BufferedReading("r-" + id, origin, "temperature", "Float64", "21.5", "degC"),
            new BufferedReading("h-" + id, origin + 1, "humidity", "Float64", "40", null)),
        EventState.PENDING,
        1_000L,
        null);
  }

  private void forwardThrough(long seq) {
    log.meta.updateOne(
        Filters.eq("_id", EdgeLog.TELEMETRY_CURSOR),
        Updates.set(EdgeLog.SEQ, seq),
        new UpdateOptions().upsert(true));
  }

  @Test
  void aGroupIsOneBatchAndItsDuplicatesAre409s() {
    assertEquals(
        List.of(WriteOutcome.STORED),
        MongoEventStore.write(appender, recent, List.of(event("a", "rack-1", 1)), 10));

    List<WriteOutcome> outcomes =
        MongoEventStore.write(
            appender,
            recent,
            List.of(
                event("a", "rack-1", 2),
                event("b", "rack-1", 3),
                event("b", "rack-2", 4),
                event("c", "rack-2", 5)),
            20);

    assertEquals(
        List.of(
            WriteOutcome.DUPLICATE,
            WriteOutcome.STORED,
            WriteOutcome.DUPLICATE,
            WriteOutcome.STORED),
        outcomes);
    assertEquals(2, log.newest(), "two groups, two batch documents");
    Document second = log.batches.find(Filters.eq("_id", 2L)).first();
    assertEquals(2, second.getInteger(EdgeLog.COUNT));
    assertEquals(20L, second.getLong(EdgeLog.STORED_AT));
    assertEquals(java.util.Map.of("rack-1", 1, "rack-2", 1), EventDocuments.devicesOf(second));
    assertFalse(
        client
            .getDatabase("setpoint-test")
            .listCollectionNames()
            .into(new java.util.ArrayList<>())
            .contains(BatchLog.LEFTOVER_IDS),
        "no document per event");
  }

  @Test
  void readsWalkNewestStoredFirstAndPage() {
    for (int i = 0; i < 40; i++) {
      MongoEventStore.write(appender, recent, List.of(event("e" + i, "rack-" + (i % 2), i)), i);
    }
    List<String> page =
        queries.events(new EventFilter.Device("rack-0"), 2, 3).stream()
            .map(BufferedEvent::id)
            .toList();
    assertEquals(List.of("e34", "e32", "e30"), page, "across the 16-batch windows");
    assertEquals(20, queries.countEvents(new EventFilter.Device("rack-0")));
    assertEquals(40, queries.countEvents(new EventFilter.All()));
    assertEquals(3, queries.countEvents(new EventFilter.OriginRange(10, 12)), "origins 10, 11, 12");
    assertEquals(
        List.of("h-e39", "r-e39", "h-e38"),
        queries.readings(new ReadingFilter.All(), 0, 3).stream()
            .map(r -> r.reading().id())
            .toList(),
        "an event's readings newest origin first");
    assertEquals(40, queries.countReadings(new ReadingFilter.Resource("humidity")));
    assertEquals("rack-1", queries.event("e7").orElseThrow().deviceName());
    assertEquals(EventState.PENDING, queries.event("e7").orElseThrow().state());
    forwardThrough(8);
    assertEquals(EventState.FORWARDED, queries.event("e7").orElseThrow().state());
    assertTrue(queries.event("nope").isEmpty());
  }

  @Test
  void deletingByAgeTakesOnlyForwardedBatchesWhollyOlder() {
    MongoEventStore.write(appender, recent, List.of(event("old1", "rack-1", 5)), 1);
    MongoEventStore.write(
        appender, recent, List.of(event("old2", "rack-1", 6), event("new", "rack-1", 50)), 2);
    MongoEventStore.write(appender, recent, List.of(event("old3", "rack-1", 7)), 3);
    forwardThrough(2);

    assertEquals(1, queries.deleteSettledBefore(10));

    assertTrue(queries.event("old1").isEmpty(), "forwarded and older: gone");
    assertTrue(queries.event("old2").isPresent(), "its batch holds a younger event");
    assertTrue(queries.event("old3").isPresent(), "not forwarded yet");
  }

  @Test
  void pendingCountsFollowTheLogAndTheCursor() {
    LogPendingCounts counts = new LogPendingCounts(log);
    MongoEventStore.write(
        appender, recent, List.of(event("a", "rack-1", 1), event("b", "rack-2", 2)), 1);
    MongoEventStore.write(appender, recent, List.of(event("c", "rack-1", 3)), 2);
    assertEquals(2, counts.pendingOf("rack-1"));
    assertEquals(1, counts.pendingOf("rack-2"));

    forwardThrough(1);
    MongoEventStore.write(appender, recent, List.of(event("d", "rack-2", 4)), 3);
    LogPendingCounts fresh = new LogPendingCounts(log); // as after a restart: rebuilt
    assertEquals(1, fresh.pendingOf("rack-1"));
    assertEquals(1, fresh.pendingOf("rack-2"));
    assertEquals(0, fresh.pendingOf("rack-3"));
  }

  @Test
  void aRestartRefillsTheDuplicateWindowFromTheLog() {
    for (int i = 0; i < 40; i++) {
      MongoEventStore.write(
          appender, recent, List.of(event("a" + i, "rack-1", i), event("b" + i, "rack-2", i)), i);
    }
    RecentEventIds restarted = new RecentEventIds(4, 2);

    long read = restarted.rebuild(log, 1_000);

    assertEquals(8, read, "stops once every device found has a full window and no more fit");
    assertEquals(8, restarted.ids());
    assertEquals(
        80,
        new RecentEventIds(4, 100).rebuild(log, 1_000),
        "with room for more devices it reads on: an unseen device may be older");
    assertEquals(
        List.of(WriteOutcome.DUPLICATE, WriteOutcome.STORED),
        MongoEventStore.write(
            appender, restarted, List.of(event("a39", "rack-1", 1), event("a35", "rack-1", 1)), 50),
        "the newest four per device are known again; the fifth newest is stored again");
  }

  @Test
  void theRebuildStopsAtItsBoundOfEvents() {
    for (int i = 0; i < 40; i++) {
      MongoEventStore.write(appender, recent, List.of(event("e" + i, "rack-" + i, i)), i);
    }
    RecentEventIds restarted = new RecentEventIds(4, 100);

    assertEquals(10, restarted.rebuild(log, 10));

    assertEquals(10, restarted.devices(), "only the devices of the newest ten events");
    assertTrue(restarted.contains("rack-39", "e39"));
    assertFalse(restarted.contains("rack-29", "e29"));
  }

  @Test
  void aLookupByIdIsBoundedAndSaysSo() {
    for (int i = 0; i < 40; i++) {
      MongoEventStore.write(appender, recent, List.of(event("e" + i, "rack-1", i)), i);
    }
    MongoEventQueries shallow = new MongoEventQueries(log, 10);

    assertEquals("e35", shallow.event("e35").orElseThrow().id());
    SearchBoundedException bounded =
        assertThrows(SearchBoundedException.class, () -> shallow.event("e3"));
    assertTrue(bounded.getMessage().contains("among the newest 10 events"), bounded.getMessage());
    assertTrue(queries.event("e3").isPresent(), "a deeper bound finds it");
  }

  @Test
  void aLeftoverIdCollectionIsDroppedOnce() {
    client
        .getDatabase("setpoint-test")
        .getCollection(BatchLog.LEFTOVER_IDS)
        .insertOne(new Document("_id", "a").append(EdgeLog.SEQ, 1L));

    assertTrue(log.dropLeftoverIds());
    assertFalse(log.dropLeftoverIds(), "gone");
  }

  @Test
  void theOldLayoutIsMovedOnceAndNothingIsLost() {
    MongoCollection<Document> legacy =
        client.getDatabase("setpoint-test").getCollection(BufferedEvent.COLLECTION);
    for (int i = 0; i < 600; i++) {
      legacy.insertOne(legacy(event("p" + i, "rack-1", 1_000 - i), "PENDING"));
    }
    legacy.insertOne(legacy(event("f", "rack-1", 1), "FORWARDED"));
    legacy.insertOne(legacy(event("x", "rack-1", 2), "REJECTED"));

    assertEquals(600, new LegacyBufferMigration(log, Duration.ofSeconds(5), legacy).run());
    assertEquals(
        0, new LegacyBufferMigration(log, Duration.ofSeconds(5), legacy).run(), "done once");

    assertEquals(600, queries.countEvents(new EventFilter.All()));
    assertTrue(queries.event("f").isEmpty(), "forwarded: the cloud has it");
    assertEquals(1, log.rejected.countDocuments(Filters.eq("_id", "x")));
    assertFalse(
        client
            .getDatabase("setpoint-test")
            .listCollectionNames()
            .into(new java.util.ArrayList<>())
            .contains(BufferedEvent.COLLECTION),
        "dropped once empty");
    List<BufferedEvent> first =
        EventDocuments.eventsOf(
            log.batches.find(Filters.eq("_id", 1L)).first(), EventState.PENDING);
    for (int i = 1; i < first.size(); i++) {
      assertTrue(first.get(i - 1).origin() <= first.get(i).origin(), "a chunk oldest first");
    }
  }

  private static Document legacy(BufferedEvent event, String state) {
    Document document = EventDocuments.toEmbedded(event);
    document.remove(EdgeLog.EVENT_ID);
    return document.append("_id", event.id()).append("state", state);
  }
}
