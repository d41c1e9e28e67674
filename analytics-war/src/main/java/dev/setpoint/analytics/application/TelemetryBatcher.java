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
 * <p>Two stages, each on its own thread: {@link #run} writes the batches; {@link #runAfterStored}
 * tells the recorder's hook of each stored batch (the recommender, the alerts, the roll-ups' notes:
 * {@link TelemetryRecorder#afterStored}) and only then acknowledges its messages, in the batches'
 * order. So the next write goes to the store while the hook works through the previous batch, and a
 * stop between the two leaves the batch unacknowledged: the broker delivers it again, the store
 * overwrites its points with themselves, and the hook is told of it once more.
 *
 * <p>Memory is bounded: the queue holds at most {@code capacity} messages, and {@link #offer} waits
 * while it is full, which stops the consumer from taking more from the broker; at most {@link
 * #STORED_BATCHES} stored batches wait for the hook, and the writer waits while they do. While the
 * store is down, one batch is being retried and the queue fills up to its capacity, no further.
 *
 * <p>One thread runs {@link #run}, one {@link #runAfterStored}; any number may {@link #offer}.
 */
public final class TelemetryBatcher {
  private static final Logger LOG = Logger.getLogger(TelemetryBatcher.class.getName());

  /** Stored batches that may wait for the hook while the next one is written. */
  public static final int STORED_BATCHES = 2;

  private record Entry(TelemetryMessage message, Runnable onStored) {}

  /** A written batch: its messages the store has, and every entry to acknowledge. */
  private record Stored(List<TelemetryMessage> messages, List<Entry> entries) {}

  private final TelemetryRecorder recorder;
  private final int maxBatch;
  private final long lingerNanos;
  private final BlockingQueue<Entry> queue;
  private final BlockingQueue<Stored> stored = new ArrayBlockingQueue<>(STORED_BATCHES);

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
   * Writes batches until {@code keepRunning} turns false or the thread is interrupted, and hands
   * each stored one to {@link #runAfterStored}. Messages still queued or in a batch not stored when
   * it stops are never acknowledged, so the broker delivers them again.
   */
  public void run(BooleanSupplier keepRunning) {
    try {
      while (keepRunning.getAsBoolean()) {
        List<Entry> batch = new ArrayList<>(maxBatch);
        if (!fill(batch)) {
          continue;
        }
        List<TelemetryMessage> messages = new ArrayList<>(batch.size());
        for (Entry e : batch) {
          messages.add(e.message());
        }
        stored.put(new Stored(recorder.recordBatch(messages, keepRunning), batch));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Tells the recorder's hook of each stored batch and then acknowledges its messages, until {@code
   * keepRunning} turns false or the thread is interrupted; a batch not told when it stops is not
   * acknowledged.
   */
  public void runAfterStored(BooleanSupplier keepRunning) {
    try {
      while (keepRunning.getAsBoolean()) {
        Stored next = stored.poll(200, TimeUnit.MILLISECONDS);
        if (next == null) {
          continue;
        }
        recorder.afterStored(next.messages());
        for (Entry e : next.entries()) {
          acknowledge(e);
        }
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
