package dev.setpoint.analytics.application;

import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.domain.UnstorableTelemetryException;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records one decoded telemetry message. Decoding is the messaging adapter's: a payload that is not
 * a valid message never reaches here. A message that the store refuses for what it is can never
 * succeed, so it is logged, counted and skipped rather than blocking the partition behind it. A
 * store that refuses the write is retried with growing pauses until it takes it: an outage delays
 * data, never loses it, because the caller acknowledges the message (and so commits its offset)
 * only afterwards.
 *
 * <p>{@link #recordBatch} stores many messages in one write, retried the same way; a batch that the
 * store refuses for what is in it is written again message by message, so only the messages it
 * refuses are skipped. Every stored message is offered to a bounded set of the latest event ids
 * ({@link RecentEventIds}): a message written again while its id is still there (a replay after a
 * crash, a write that InfluxDB took but whose answer was lost) is counted as rewritten. InfluxDB
 * overwrites such a point with itself, so the count shows work done twice, never a doubled point.
 *
 * <p>Telling the hook of stored messages ({@link #afterStored}) is the caller's step after a write,
 * so that it can run beside the next write ({@link TelemetryBatcher}).
 */
public final class TelemetryRecorder {
  private static final Logger LOG = Logger.getLogger(TelemetryRecorder.class.getName());

  /** How the recorder waits between attempts; a test passes one that does not sleep. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  /** What happened to a message. */
  public enum Outcome {
    STORED,
    REJECTED
  }

  private final TimeSeriesStore store;
  private final Duration initialRetry;
  private final Duration maxRetry;
  private final Pause pause;
  private final Consumer<TelemetryMessage> afterStored;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final RecentEventIds recent;

  public TelemetryRecorder(
      TimeSeriesStore store, Duration initialRetry, Duration maxRetry, Pause pause) {
    this(store, initialRetry, maxRetry, pause, message -> {}, new RecentEventIds(0));
  }

  /**
   * @param afterStored told of each stored message by {@link #afterStored} (the recommender); what
   *     it throws is logged, never retried: the message is stored and must be acknowledged
   */
  public TelemetryRecorder(
      TimeSeriesStore store,
      Duration initialRetry,
      Duration maxRetry,
      Pause pause,
      Consumer<TelemetryMessage> afterStored) {
    this(store, initialRetry, maxRetry, pause, afterStored, new RecentEventIds(0));
  }

  /**
   * @param afterStored told of each stored message by {@link #afterStored} (the recommender, the
   *     alerts); what it throws is logged, never retried: the message is stored and must be
   *     acknowledged
   * @param recent the latest event ids written, to count messages written twice
   */
  public TelemetryRecorder(
      TimeSeriesStore store,
      Duration initialRetry,
      Duration maxRetry,
      Pause pause,
      Consumer<TelemetryMessage> afterStored,
      RecentEventIds recent) {
    this.recent = recent;
    this.afterStored = afterStored;
    this.store = store;
    this.initialRetry = initialRetry;
    this.maxRetry = maxRetry;
    this.pause = pause;
  }

  /**
   * Stores the message, retrying the store while {@code keepTrying} holds.
   *
   * @throws InterruptedException when stopped before the store took the write; the message must
   *     then not be acknowledged
   */
  public Outcome record(TelemetryMessage message, BooleanSupplier keepTrying)
      throws InterruptedException {
    Duration wait = initialRetry;
    while (true) {
      try {
        store.write(message);
        stored(message);
        return Outcome.STORED;
      } catch (UnstorableTelemetryException e) {
        rejected.incrementAndGet();
        LOG.log(Level.SEVERE, "skipping event " + message.eventId() + " that the store refuses", e);
        return Outcome.REJECTED;
      } catch (RuntimeException e) {
        if (!keepTrying.getAsBoolean()) {
          throw new InterruptedException(
              "stopped before event " + message.eventId() + " was stored");
        }
        LOG.log(
            Level.WARNING,
            "time-series store refused event {0}; retrying in {1} ms: {2}",
            new Object[] {message.eventId(), wait.toMillis(), e.getMessage()});
        pause.pause(wait);
        wait = wait.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : wait.multipliedBy(2);
      }
    }
  }

  /**
   * Stores the batch in one write, retrying the store while {@code keepTrying} holds; if the store
   * refuses the batch for what is in it, records its messages one by one ({@link #record}).
   *
   * @return the messages stored (all but those the store refuses for what they are), for {@link
   *     #afterStored}
   * @throws InterruptedException when stopped before the store took the batch; no message of it may
   *     then be acknowledged
   */
  public List<TelemetryMessage> recordBatch(
      List<TelemetryMessage> batch, BooleanSupplier keepTrying) throws InterruptedException {
    if (batch.isEmpty()) {
      return List.of();
    }
    Duration wait = initialRetry;
    while (true) {
      try {
        store.write(batch);
        batches.incrementAndGet();
        for (TelemetryMessage message : batch) {
          stored(message);
        }
        return List.copyOf(batch);
      } catch (UnstorableTelemetryException e) {
        LOG.log(
            Level.WARNING,
            "the store refuses a batch of {0} events; writing them one by one: {1}",
            new Object[] {batch.size(), e.getMessage()});
        List<TelemetryMessage> stored = new ArrayList<>(batch.size());
        for (TelemetryMessage message : batch) {
          if (record(message, keepTrying) == Outcome.STORED) {
            stored.add(message);
          }
        }
        return stored;
      } catch (RuntimeException e) {
        if (!keepTrying.getAsBoolean()) {
          throw new InterruptedException(
              "stopped before a batch of " + batch.size() + " events was stored");
        }
        LOG.log(
            Level.WARNING,
            "time-series store refused a batch of {0} events; retrying in {1} ms: {2}",
            new Object[] {batch.size(), wait.toMillis(), e.getMessage()});
        pause.pause(wait);
        wait = wait.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : wait.multipliedBy(2);
      }
    }
  }

  private void stored(TelemetryMessage message) {
    stored.incrementAndGet();
    recent.add(message.eventId());
  }

  /**
   * Tells the hook (the recommender, the alerts, the roll-ups' notes) of messages the store has, in
   * their order; what it throws is logged, and the next message is told all the same.
   */
  public void afterStored(List<TelemetryMessage> messages) {
    for (TelemetryMessage message : messages) {
      try {
        afterStored.accept(message);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "after storing event " + message.eventId() + ": " + e, e);
      }
    }
  }

  /** Messages stored since start. */
  public long storedCount() {
    return stored.get();
  }

  /** Batch writes the store took since start (each one request). */
  public long batchCount() {
    return batches.get();
  }

  /**
   * Messages stored since start whose event id had been stored shortly before (within the last
   * {@link RecentEventIds#capacity()} ids): written twice, harmlessly.
   */
  public long rewrittenCount() {
    return recent.repeats();
  }

  /** Messages skipped since start because the store refuses them for what they are. */
  public long rejectedCount() {
    return rejected.get();
  }
}
