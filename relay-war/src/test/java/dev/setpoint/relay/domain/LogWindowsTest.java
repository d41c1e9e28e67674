package dev.setpoint.relay.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LogWindowsTest {
  private static final long NOW = 1_000_000;
  private static final long GRACE = 60_000;
  private static final long OLD = NOW - GRACE - 1;
  private static final long FRESH = NOW - 10;

  private static TreeMap<Long, LogWindows.Batch> found(LogWindows.Batch... batches) {
    TreeMap<Long, LogWindows.Batch> found = new TreeMap<>();
    for (LogWindows.Batch batch : batches) {
      found.put(batch.seq(), batch);
    }
    return found;
  }

  private static LogWindows.Batch batch(long seq, long storedAt, int events) {
    return new LogWindows.Batch(seq, storedAt, events);
  }

  private static List<Long> taken(LogWindows.Plan plan) {
    return plan.take().stream().map(LogWindows.Batch::seq).toList();
  }

  @Test
  void takesTheBatchesAfterTheCursorInOrder() {
    var plan =
        LogWindows.plan(
            4, found(batch(5, FRESH, 2), batch(6, FRESH, 3)), 36, 6, FRESH, NOW, GRACE, 100);
    assertEquals(List.of(5L, 6L), taken(plan));
    assertEquals(6, plan.through());
    assertEquals(0, plan.skippedGaps());
  }

  @Test
  void stopsOnceEnoughEventsAreTakenButAlwaysTakesOneBatch() {
    var found = found(batch(1, OLD, 300), batch(2, OLD, 300), batch(3, OLD, 1));
    assertEquals(List.of(1L), taken(LogWindows.plan(0, found, 32, 3, OLD, NOW, GRACE, 100)));
    var plan = LogWindows.plan(0, found, 32, 3, OLD, NOW, GRACE, 500);
    assertEquals(List.of(1L, 2L), taken(plan));
    assertEquals(2, plan.through());
  }

  @Test
  void waitsAtAGapThatMayStillBeWritten() {
    // 6 reserved just now, 7 already stored: 6 may be in flight, so nothing past it is taken.
    var plan = LogWindows.plan(5, found(batch(7, FRESH, 1)), 37, 7, FRESH, NOW, GRACE, 100);
    assertEquals(List.of(), taken(plan));
    assertEquals(5, plan.through());
    assertEquals(0, plan.skippedGaps());
  }

  @Test
  void passesAGapOnceABatchAfterItIsOlderThanTheGrace() {
    var plan =
        LogWindows.plan(
            5, found(batch(7, OLD, 1), batch(8, FRESH, 1)), 37, 8, FRESH, NOW, GRACE, 100);
    assertEquals(List.of(7L, 8L), taken(plan));
    assertEquals(8, plan.through());
    assertEquals(1, plan.skippedGaps());
  }

  @Test
  void passesTrailingGapsOnceTheLastReservationIsOlderThanTheGrace() {
    // 9 and 10 were reserved and never written; nothing after them, and no reservation since.
    var plan = LogWindows.plan(8, found(), 40, 10, OLD, NOW, GRACE, 100);
    assertEquals(List.of(), taken(plan));
    assertEquals(10, plan.through());
    assertEquals(2, plan.skippedGaps());
    // The same gaps while reservations are recent: wait.
    assertEquals(8, LogWindows.plan(8, found(), 40, 10, FRESH, NOW, GRACE, 100).through());
  }

  @Test
  void neverLooksPastTheNewestReservationOrTheLookup() {
    var found = found(batch(1, OLD, 1), batch(2, OLD, 1), batch(3, OLD, 1));
    assertEquals(2, LogWindows.plan(0, found, 2, 3, OLD, NOW, GRACE, 100).through());
    assertEquals(3, LogWindows.plan(0, found, 40, 3, OLD, NOW, GRACE, 100).through());
    assertEquals(0, LogWindows.plan(0, found(), 40, 0, OLD, NOW, GRACE, 100).through());
  }
}
