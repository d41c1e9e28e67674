package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.domain.Outbox;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes messages to the edge {@link Outbox} off the caller's thread, one at a time in the order
 * offered, so a request that produced one never waits for MongoDB. A write the store refuses is
 * tried again after a pause that doubles from {@code retryInitial} up to {@code retryMax}, the
 * message kept at the head; a message the outbox refuses for good (it breaks the outbox's rules) is
 * logged and dropped. At most {@code capacity} messages wait; beyond that, a new one is dropped and
 * logged (memory stays bounded through a long MongoDB outage, during which the events themselves
 * cannot be stored either).
 */
final class OutboxAppender {
  private static final Logger LOG = Logger.getLogger(OutboxAppender.class.getName());

  private final Outbox outbox;
  private final ScheduledExecutorService scheduler;
  private final int capacity;
  private final Duration retryInitial;
  private final Duration retryMax;
  private final Deque<OutboxMessage> waiting = new ArrayDeque<>();
  private final AtomicLong appended = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private boolean draining;
  private Duration wait;

  OutboxAppender(
      Outbox outbox,
      ScheduledExecutorService scheduler,
      int capacity,
      Duration retryInitial,
      Duration retryMax) {
    this.outbox = outbox;
    this.scheduler = scheduler;
    this.capacity = capacity;
    this.retryInitial = retryInitial;
    this.retryMax = retryMax;
    this.wait = retryInitial;
  }

  /**
   * Queues the message for the outbox and returns at once.
   *
   * @return false when the queue is full and the message was dropped
   */
  synchronized boolean offer(OutboxMessage message) {
    if (waiting.size() >= capacity) {
      dropped.incrementAndGet();
      LOG.log(
          Level.SEVERE,
          "outbox message {0} ({1}) dropped: {2} messages already wait for MongoDB",
          new Object[] {message.id(), message.topic(), capacity});
      return false;
    }
    waiting.addLast(message);
    if (!draining) {
      draining = true;
      scheduler.execute(this::drain);
    }
    return true;
  }

  private void drain() {
    while (true) {
      OutboxMessage next;
      synchronized (this) {
        next = waiting.peekFirst();
        if (next == null) {
          draining = false;
          return;
        }
      }
      try {
        outbox.append(next);
        appended.incrementAndGet();
        synchronized (this) {
          waiting.pollFirst();
          wait = retryInitial;
        }
      } catch (StoreUnavailableException e) {
        Duration pause;
        synchronized (this) {
          pause = wait;
          wait = wait.multipliedBy(2).compareTo(retryMax) > 0 ? retryMax : wait.multipliedBy(2);
        }
        LOG.log(
            Level.WARNING,
            "outbox message {0} not stored yet, trying again in {1} ms: {2}",
            new Object[] {next.id(), pause.toMillis(), e.getMessage()});
        scheduler.schedule(this::drain, pause.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "outbox message " + next.id() + " refused for good; dropped", e);
        dropped.incrementAndGet();
        synchronized (this) {
          waiting.pollFirst();
        }
      }
    }
  }

  /** Messages written to the outbox since start. */
  long appendedCount() {
    return appended.get();
  }

  /** Messages dropped since start (queue full, or refused for good). */
  long droppedCount() {
    return dropped.get();
  }

  /** Messages waiting now. */
  synchronized int waitingCount() {
    return waiting.size();
  }
}
