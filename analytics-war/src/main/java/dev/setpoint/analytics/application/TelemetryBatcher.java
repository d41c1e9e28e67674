package dev.setpoint.analytics.application;

import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gathers decoded telemetry into batches and stores each batch with one write ({@link
 * TelemetryRecorder#recordBatch}): a batch closes when it holds {@code maxBatch} messages or {@code
 * linger} after its first message arrived, whichever comes first. Each message comes with what to
 * do once it is stored (the messaging adapter's acknowledgement, which makes its offset
 * committable), run only after the write that holds it succeeded: a batch that fails is retried
 * whole, with the recorder's growing pauses, and nothing of it is acknowledged meanwhile.
 *
 * <p>Memory is bounded: the queue holds at most {@code capacity} messages, and {@link #offer} waits
 * while it is full, which stops the consumer from taking more from the broker. While the store is
 * down, one batch is being retried and the queue fills up to its capacity, no further.
 *
 * <p>One thread runs {@link #run}; any number may {@link #offer}.
 */
public final class TelemetryBatcher {
  private static final Logger LOG = Logger.getLogger(TelemetryBatcher.class.getName());

  private record Entry(TelemetryMessage message, Runnable onStored) {}

  private final TelemetryRecorder recorder;
  private final int maxBatch;
  private final long lingerNanos;
  private final BlockingQueue<Entry> queue;

  /**
   * @param maxBatch the most messages in one write
   * @param linger the longest a message waits for its batch to fill
   * @param capacity the most messages waiting for their batch (the one being written not counted)
   */
  public TelemetryBatcher(TelemetryRecorder recorder, int maxBatch, Duration linger, int capacity) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("the batch size must be ≥ 1, not " + maxBatch);
    }
    if (capacity < maxBatch) {
      throw new IllegalArgumentException(
          "the queue (" + capacity + ") must hold at least one batch (" + maxBatch + ")");
    }
    if (linger.isNegative()) {
      throw new IllegalArgumentException("the linger must not be negative: " + linger);
    }
    this.recorder = recorder;
    this.maxBatch = maxBatch;
    this.lingerNanos = linger.toNanos();
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Queues one message; waits while the queue is full.
   *
   * @param onStored run once the message is stored (or refused for good by the store)
   */
  public void offer(TelemetryMessage message, Runnable onStored) throws InterruptedException {
    queue.put(new Entry(message, onStored));
  }

  /** Messages waiting for their batch. */
  public int queued() {
    return queue.size();
  }

  /**
   * Writes batches until {@code keepRunning} turns false or the thread is interrupted. Messages
   * still queued or in a batch not stored when it stops are never acknowledged, so the broker
   * delivers them again.
   */
  public void run(BooleanSupplier keepRunning) {
    List<Entry> batch = new ArrayList<>(maxBatch);
    List<TelemetryMessage> messages = new ArrayList<>(maxBatch);
    try {
      while (keepRunning.getAsBoolean()) {
        if (!fill(batch)) {
          continue;
        }
        for (Entry e : batch) {
          messages.add(e.message());
        }
        recorder.recordBatch(messages, keepRunning);
        for (Entry e : batch) {
          acknowledge(e);
        }
        batch.clear();
        messages.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Takes the next batch into {@code batch}; false when none started within a while. */
  private boolean fill(List<Entry> batch) throws InterruptedException {
    Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
    if (first == null) {
      return false;
    }
    batch.add(first);
    long deadline = System.nanoTime() + lingerNanos;
    while (batch.size() < maxBatch) {
      queue.drainTo(batch, maxBatch - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= maxBatch || left <= 0) {
        break;
      }
      Entry next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return true;
  }

  private static void acknowledge(Entry e) {
    try {
      e.onStored().run();
    } catch (RuntimeException failure) {
      LOG.log(
          Level.WARNING,
          "acknowledging event " + e.message().eventId() + " failed: " + failure,
          failure);
    }
  }
}
