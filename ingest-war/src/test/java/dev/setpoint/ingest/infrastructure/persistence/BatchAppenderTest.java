package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sequence numbers a block at a time, through the real driver on an in-process MongoDB-wire server:
 * how blocks grow with the rate, that numbers a block did not use are released as empty batches (on
 * expiry and on a pause), that the counter's event total catches up, and that a batch stored later
 * than the write timeout after its block's reservation is written again under a fresh number. The
 * clock is the test's, so the block's lifetime is exact.
 */
class BatchAppenderTest {
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
  private static final long SECOND = 1_000_000_000L;

  private InMemoryMongo mongo;
  private BatchLog log;

  /** Nanoseconds: the scripted readings first, then {@code now}. */
  private final Deque<Long> script = new ArrayDeque<>();

  private long now = 100 * SECOND;
  private final LongSupplier clock = () -> script.isEmpty() ? now : script.poll();

  @BeforeEach
  void start() {
    mongo = new InMemoryMongo();
    log = new BatchLog(mongo.client, "setpoint-test");
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  private static BufferedEvent event(String id) {
    return BatchLogTest.event(id, "rack-1", 1L);
  }

  private Document batch(long seq) {
    return log.batches.find(Filters.eq(EdgeLog.ID, seq)).first();
  }

  private Document counter() {
    return log.meta.find(Filters.eq(EdgeLog.ID, EdgeLog.SEQUENCE)).first();
  }

  private List<Long> appendEach(BatchAppender appender, int batches) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      seqs.add(appender.append(List.of(event("e" + seqs.size() + "-" + i)), 1L));
    }
    return seqs;
  }

  @Test
  void whileBatchesComeFastABlockGrowsAndServesManyWithOneReservation() {
    BatchAppender appender = new BatchAppender(log, WRITE_TIMEOUT, 8, clock);

    List<Long> seqs = appendEach(appender, 23);

    assertEquals(LongStream.rangeClosed(1, 23).boxed().toList(), seqs, "dense and in order");
    assertEquals(
        23L,
        counter().getLong(EdgeLog.SEQ),
        "blocks of 1, 2, 4, 8 and 8: five reservations, every number used");
    assertEquals(
        16L,
        counter().getLong(EdgeLog.EVENTS_TOTAL),
        "the total counts what each reservation knew: the last block's events are not told yet");

    appender.idle(2L);

    assertEquals(23L, counter().getLong(EdgeLog.EVENTS_TOTAL), "a pause tells the rest");
    assertEquals(23L, counter().getLong(EdgeLog.SEQ), "nothing was left to release");
  }

  @Test
  void anExpiredBlockReleasesItsUnusedNumbersAsEmptyBatches() {
    BatchAppender appender = new BatchAppender(log, WRITE_TIMEOUT, 8, clock);
    appendEach(appender, 4); // blocks [1], [2, 3], [4..7]: 5, 6 and 7 unused

    now += SECOND + 1; // past the block's lifetime (a second, below half the write timeout)
    long seq = appender.append(List.of(event("late")), 3L);

    assertEquals(8L, seq, "a fresh block");
    for (long released = 5; released <= 7; released++) {
      Document empty = batch(released);
      assertEquals(0, empty.getInteger(EdgeLog.COUNT), "released " + released);
      assertEquals(List.of(), empty.getList(EdgeLog.EVENTS, Document.class));
      assertEquals(3L, empty.getLong(EdgeLog.STORED_AT));
    }
    assertEquals(
        List.of("late"),
        EventDocuments.eventsOf(batch(8), EventState.PENDING).stream()
            .map(BufferedEvent::id)
            .toList());
    assertEquals(
        8L, counter().getLong(EdgeLog.SEQ), "the next block as large as the last one used: one");
  }

  @Test
  void aPauseReleasesTheBlockSoNoNumberWaitsForTheRelaysGrace() {
    BatchAppender appender = new BatchAppender(log, WRITE_TIMEOUT, 8, clock);
    appendEach(appender, 4); // the block [4..7] holds 4 only

    appender.idle(9L);

    for (long seq = 1; seq <= 7; seq++) {
      assertTrue(batch(seq) != null, "every reserved number holds a batch: " + seq);
    }
    assertEquals(0, batch(6).getInteger(EdgeLog.COUNT));
    assertEquals(4L, counter().getLong(EdgeLog.EVENTS_TOTAL));
    assertEquals(
        8L, appender.append(List.of(event("after")), 10L), "after a pause: one number at a time");
    assertEquals(8L, counter().getLong(EdgeLog.SEQ));
  }

  @Test
  void aBatchStoredLaterThanTheWriteTimeoutAfterItsReservationIsWrittenAgain() {
    BatchAppender appender = new BatchAppender(log, WRITE_TIMEOUT, 8, clock);
    // take: the block's age; reserve: its time; after the insert: six seconds later.
    script.addAll(List.of(now, now, now + 6 * SECOND));
    now += 6 * SECOND;

    long seq = appender.append(List.of(event("slow")), 1L);

    assertEquals(2L, seq, "written again under a fresh number");
    assertEquals(
        EventDocuments.eventsOf(batch(1), EventState.PENDING),
        EventDocuments.eventsOf(batch(2), EventState.PENDING),
        "the first copy may have landed behind a relay that passed its number: both are kept");
    assertEquals(2L, counter().getLong(EdgeLog.EVENTS_TOTAL), "both copies are forwarded");
  }
}
