package dev.setpoint.relay.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Which batches after the cursor a drain may take, and which gaps it may pass over. A gap is a
 * sequence number ingest reserved whose batch is not in the log: either still being written, or
 * never to be (its write failed). It can no longer be filled once it was reserved longer ago than
 * ingest takes at most to write a batch (ingest writes a batch again under a new number when its
 * insert took longer than its write timeout), and that is known when a batch after it was stored
 * more than the grace ago (numbers are reserved in order), or when the last reservation of all is
 * that old. Pure logic, so the cases are unit-tested.
 */
public final class LogWindows {
  private LogWindows() {}

  /** A stored batch: its number, when it was stored and how many events it holds. */
  public record Batch(long seq, long storedAtMillis, int events) {}

  /**
   * What to take.
   *
   * @param take the batches to send, in order
   * @param through the last number covered (taken or skipped); the cursor when none is
   * @param skippedGaps how many gaps were passed over
   */
  public record Plan(List<Batch> take, long through, int skippedGaps) {}

  /**
   * Plans a window.
   *
   * @param cursor the relay's cursor
   * @param found the batches stored among the numbers after it that were looked up, by number
   * @param lookedUpTo the last number looked up
   * @param newestReserved the last number ingest reserved
   * @param reservedAtMillis when it was reserved
   * @param nowMillis now
   * @param graceMillis how long a reserved number may stay unwritten
   * @param maxEvents stop taking once this many events are taken (at least one batch is)
   */
  public static Plan plan(
      long cursor,
      SortedMap<Long, Batch> found,
      long lookedUpTo,
      long newestReserved,
      long reservedAtMillis,
      long nowMillis,
      long graceMillis,
      int maxEvents) {
    List<Batch> take = new ArrayList<>();
    long through = cursor;
    int skipped = 0;
    int events = 0;
    long settled = nowMillis - graceMillis;
    long last = Math.min(lookedUpTo, newestReserved);
    for (long seq = cursor + 1; seq <= last && (take.isEmpty() || events < maxEvents); seq++) {
      Batch batch = found.get(seq);
      if (batch != null) {
        take.add(batch);
        events += batch.events();
        through = seq;
        continue;
      }
      boolean laterSettled =
          found.tailMap(seq).values().stream().anyMatch(b -> b.storedAtMillis() <= settled);
      if (laterSettled || reservedAtMillis <= settled) {
        skipped++;
        through = seq;
      } else {
        break; // may still be written: wait for it, so nothing lands behind the cursor
      }
    }
    return new Plan(take, through, skipped);
  }
}
