package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EdgeLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Appends write groups to the batch log ({@link BatchLog}), one batch document each, under sequence
 * numbers reserved a block at a time: while posts keep coming, an append is one write command (the
 * batch document), not two. Every write command is a commit on the stack's MongoDB-wire server, and
 * at a few hundred groups a second the counter's round trip per group was as many commits again
 * (docs/benchmarks.md). The writer thread's alone: not thread-safe.
 *
 * <p>A block is the counter's {@code $inc} by its size ({@code findOneAndUpdate}, so several ingest
 * replicas on a real MongoDB never share a number); its numbers are used in order. The block's size
 * follows the rate: one number at first and after a quiet spell, doubled (up to {@code maxBlock})
 * when a block was used up within half its lifetime, the numbers a block used when it expired with
 * some left over.
 *
 * <p>What the relay relies on, kept: a batch document is written within the write timeout of its
 * number's reservation, so a gap after which later batches are settled can be passed over (see the
 * relay's {@code LogWindows}). A number is therefore used only within {@code lifetime} of its
 * block's reservation (less than the write timeout), and a batch whose insert finished later than
 * the write timeout after its block's reservation is written again under a fresh number, as before.
 * Numbers a block did not use are released at once as empty batch documents (no events), so the
 * relay passes them without waiting for its gap grace: when the block expires, when the writer has
 * been idle for a moment ({@link #idle}) and at shutdown.
 *
 * <p>The counter's event total ({@link EdgeLog#EVENTS_TOTAL}) is raised at each reservation by the
 * events appended since the last one (the new batch's among them) and when the writer is idle, so
 * the relay's backlog count lags the log by at most one block's events while posts arrive.
 */
final class BatchAppender {
  private static final Logger LOG = Logger.getLogger(BatchAppender.class.getName());
  private static final FindOneAndUpdateOptions RESERVE =
      new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
  private static final Bson COUNTER = Filters.eq(EdgeLog.ID, EdgeLog.SEQUENCE);

  /** Longest a block's numbers are used, whatever the write timeout. */
  private static final Duration MAX_LIFETIME = Duration.ofSeconds(1);

  private final BatchLog log;
  private final long rewriteAfterNanos;
  private final long lifetimeNanos;
  private final int maxBlock;
  private final LongSupplier nanoTime;

  /** The block: its first number, the next unused one and its last; none when next > last. */
  private long first = 1;

  private long next = 1;
  private long last;
  private long reservedAtNanos;

  /** Whether the block's numbers were all taken by batches (not released). */
  private boolean usedUp;

  /** The size of the next block. */
  private int size = 1;

  /** Events appended that the counter's total does not hold yet. */
  private long unreported;

  /**
   * @param rewriteAfter the write timeout: a batch stored later than this after its number's
   *     reservation is written again under a fresh number
   * @param maxBlock the most numbers reserved at once (1: one reservation per append)
   */
  BatchAppender(BatchLog log, Duration rewriteAfter, int maxBlock) {
    this(log, rewriteAfter, maxBlock, System::nanoTime);
  }

  BatchAppender(BatchLog log, Duration rewriteAfter, int maxBlock, LongSupplier nanoTime) {
    if (maxBlock < 1) {
      throw new IllegalArgumentException("a sequence block holds at least one number: " + maxBlock);
    }
    this.log = log;
    this.rewriteAfterNanos = rewriteAfter.toNanos();
    this.lifetimeNanos = Math.min(MAX_LIFETIME.toNanos(), rewriteAfterNanos / 2);
    this.maxBlock = maxBlock;
    this.nanoTime = nanoTime;
  }

  /**
   * Appends the events as one batch document; returns its sequence number once it is committed.
   *
   * @throws MongoException the batch document may or may not be stored (see {@link
   *     BatchOutcomes#failed})
   */
  long append(List<BufferedEvent> events, long storedAtMillis) {
    while (true) {
      long seq = take(events.size(), storedAtMillis);
      long reservedAt = reservedAtNanos;
      log.batches.insertOne(EventDocuments.batch(seq, storedAtMillis, events));
      long took = nanoTime.getAsLong() - reservedAt;
      if (took <= rewriteAfterNanos) {
        return seq;
      }
      LOG.warning(
          "batch "
              + seq
              + " was stored "
              + took / 1_000_000
              + " ms after its number was reserved, longer than the write timeout: written again"
              + " under a new number, in case the relay skipped it as a gap");
      release(storedAtMillis); // the block's other numbers are as old
    }
  }

  /**
   * The writer has had nothing to write for a moment: releases the block's unused numbers and tells
   * the counter the events it does not hold yet. A failure is logged and tried again at the next
   * idle moment (unreleased numbers are gaps the relay passes after its grace).
   */
  void idle(long nowMillis) {
    if (next <= last) {
      release(nowMillis);
    }
    size = 1;
    usedUp = false;
    if (unreported > 0) {
      try {
        log.meta.updateOne(COUNTER, Updates.inc(EdgeLog.EVENTS_TOTAL, unreported));
        unreported = 0;
      } catch (MongoException e) {
        LOG.log(Level.FINE, "the edge buffer's event total is behind; told at the next pause", e);
      }
    }
  }

  /** The next number for a batch of {@code count} events, reserving a block when needed. */
  private long take(int count, long atMillis) {
    long age = nanoTime.getAsLong() - reservedAtNanos;
    if (next <= last && age <= lifetimeNanos) {
      unreported += count;
      return taken();
    }
    if (next <= last) {
      int used = (int) (next - first);
      release(atMillis);
      size = Math.max(1, used);
    } else if (usedUp && age < lifetimeNanos / 2) {
      size = Math.min(maxBlock, size * 2);
    }
    reserve(size, unreported + count, atMillis);
    unreported = 0;
    return taken();
  }

  private long taken() {
    usedUp = next == last;
    return next++;
  }

  private void reserve(int numbers, long events, long atMillis) {
    Bson inc =
        Updates.combine(
            Updates.inc(EdgeLog.SEQ, (long) numbers),
            Updates.inc(EdgeLog.EVENTS_TOTAL, events),
            Updates.set(EdgeLog.AT, atMillis));
    long reservedAt = nanoTime.getAsLong();
    Document counter = log.meta.findOneAndUpdate(COUNTER, inc, RESERVE);
    last = EventDocuments.number(counter, EdgeLog.SEQ);
    first = last - numbers + 1;
    next = first;
    reservedAtNanos = reservedAt;
  }

  /** Writes the block's unused numbers as empty batch documents, so the relay need not wait. */
  private void release(long atMillis) {
    if (next > last) {
      return;
    }
    List<Document> empty = new ArrayList<>((int) (last - next + 1));
    for (long seq = next; seq <= last; seq++) {
      empty.add(EventDocuments.batch(seq, atMillis, List.of()));
    }
    long from = next;
    next = last + 1;
    usedUp = false;
    try {
      log.batches.insertMany(empty);
    } catch (MongoException e) {
      LOG.log(
          Level.WARNING,
          "could not release the unused sequence numbers "
              + from
              + ".."
              + last
              + "; the relay passes them after its gap grace",
          e);
    }
  }
}
