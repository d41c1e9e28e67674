package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Groups concurrent event writes into batches for one writer thread (group commit). A caller
 * enqueues its event and waits for its own outcome; the writer takes whatever has queued up while
 * the previous batch was being written, up to {@code batchMax} events, and writes them as one batch
 * document of the edge buffer's log (a few store round trips, whatever the batch's size; see {@link
 * BatchLog}). At a low rate a batch holds one event and adds no delay; under load the store sees a
 * few large writes instead of many small ones, which is what the MongoDB-wire server on a small
 * machine can afford (one commit per write command).
 *
 * <p>Bounded everywhere: a full queue refuses at once, and a caller waits at most {@code timeout}
 * for its outcome, so no request thread blocks for ever behind a stuck store.
 */
final class EventWriteQueue implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventWriteQueue.class.getName());
  private static final long IDLE_POLL_MS = 200;

  /** Writes one batch; returns one outcome per event, in the batch's order. */
  @FunctionalInterface
  interface BatchWriter {
    List<WriteOutcome> write(List<BufferedEvent> batch);

    /**
     * Nothing was queued for a moment, or the writer is stopping: a chance to tidy up on the
     * writer's thread (the batch log releases sequence numbers it reserved and did not use).
     */
    default void idle() {}
  }

  private record Write(BufferedEvent event, CompletableFuture<WriteOutcome> outcome) {}

  private final BatchWriter writer;
  private final BlockingQueue<Write> queue;
  private final int batchMax;
  private final int capacity;
  private final Duration timeout;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts the writer thread.
   *
   * @param threads makes the writer thread (a container-managed one in the application)
   * @param batchMax most events in one write
   * @param capacity most events waiting to be written
   * @param timeout longest a caller waits for its outcome
   */
  EventWriteQueue(
      BatchWriter writer, ThreadFactory threads, int batchMax, int capacity, Duration timeout) {
    if (batchMax < 1 || capacity < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "write batch max, queue capacity and timeout must be positive, were "
              + batchMax
              + ", "
              + capacity
              + ", "
              + timeout);
    }
    this.writer = writer;
    this.batchMax = batchMax;
    this.capacity = capacity;
    this.timeout = timeout;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = threads.newThread(this::drain);
    thread.start();
  }

  /**
   * Stores the event and returns once it is stored.
   *
   * @throws DuplicateEventException the id is already stored
   * @throws StoreUnavailableException queue full, store failure or timeout; the message says
   *     whether the event may be stored
   */
  void add(BufferedEvent event) {
    Write write = new Write(event, new CompletableFuture<>());
    if (closed) {
      throw new StoreUnavailableException(
          "ingest is shutting down; the event was not stored, retry later");
    }
    if (!queue.offer(write)) {
      throw new StoreUnavailableException(
          "the edge buffer's write queue is full ("
              + capacity
              + " events waiting); the event was not stored, retry later");
    }
    WriteOutcome outcome;
    try {
      outcome = write.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw gaveUp(write, "no answer from the edge buffer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw gaveUp(write, "interrupted while waiting for the edge buffer");
    } catch (ExecutionException e) {
      // The writer completes every future normally; this is a bug, reported as unavailable.
      throw new StoreUnavailableException("the edge buffer's writer failed", e.getCause());
    }
    switch (outcome) {
      case WriteOutcome.Stored stored -> {}
      case WriteOutcome.Duplicate duplicate -> throw new DuplicateEventException(event.id());
      case WriteOutcome.Failed failed ->
          throw new StoreUnavailableException(failed.reason(), failed.cause());
    }
  }

  /** A caller that stops waiting: still queued means certainly not stored, else unknown. */
  private StoreUnavailableException gaveUp(Write write, String why) {
    if (queue.remove(write)) {
      return new StoreUnavailableException(why + "; the event was not stored, retry later");
    }
    return new StoreUnavailableException(
        why + "; the event may or may not be stored. " + BatchOutcomes.RETRY_IS_SAFE);
  }

  /** How many events wait for the writer. */
  int waiting() {
    return queue.size();
  }

  private void drain() {
    List<Write> batch = new ArrayList<>(batchMax);
    while (!closed) {
      try {
        Write first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
          idle();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchMax - 1);
        write(batch);
      } catch (InterruptedException e) {
        // The container stops its managed threads this way when the application stops.
        break;
      } finally {
        batch.clear();
      }
    }
    failQueued();
    idle();
  }

  private void idle() {
    try {
      writer.idle();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the batch writer's idle work failed", e);
    }
  }

  private void write(List<Write> batch) {
    List<BufferedEvent> events = new ArrayList<>(batch.size());
    for (Write write : batch) {
      events.add(write.event());
    }
    List<WriteOutcome> outcomes;
    try {
      outcomes = writer.write(events);
      if (outcomes.size() != batch.size()) {
        throw new IllegalStateException(
            outcomes.size() + " outcomes for a batch of " + batch.size() + " events");
      }
    } catch (RuntimeException e) {
      // Never let one bad batch end the writer thread: every later caller would time out.
      LOG.log(Level.SEVERE, "writing a batch of " + batch.size() + " events failed", e);
      WriteOutcome failed =
          new WriteOutcome.Failed(
              "the edge buffer write failed; the event may or may not be stored. "
                  + BatchOutcomes.RETRY_IS_SAFE,
              e);
      outcomes = Collections.nCopies(batch.size(), failed);
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).outcome().complete(outcomes.get(i));
    }
  }

  private void failQueued() {
    List<Write> left = new ArrayList<>();
    queue.drainTo(left);
    WriteOutcome failed =
        new WriteOutcome.Failed("ingest is shutting down; the event was not stored", null);
    for (Write write : left) {
      write.outcome().complete(failed);
    }
  }

  /** Stops taking events, fails what is still queued, lets the batch in flight finish. */
  @Override
  public void close() {
    closed = true;
    failQueued();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Whatever slipped in while the writer was finishing.
    failQueued();
  }
}
