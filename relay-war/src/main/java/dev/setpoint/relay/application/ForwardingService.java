package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.relay.domain.PendingEvents;
import dev.setpoint.relay.domain.TelemetryPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of store-and-forward: read the oldest PENDING events, publish each, and mark an event
 * FORWARDED only after the broker acknowledged it. An event whose send failed stays PENDING and is
 * sent again in a later round; the event id travels with it, so the stores downstream deduplicate.
 */
public final class ForwardingService {
  private static final Logger LOG = Logger.getLogger(ForwardingService.class.getName());

  private final PendingEvents buffer;
  private final TelemetryPublisher publisher;
  private final Clock clock;
  private final int batchSize;
  private final Duration ackTimeout;

  public ForwardingService(
      PendingEvents buffer,
      TelemetryPublisher publisher,
      Clock clock,
      int batchSize,
      Duration ackTimeout) {
    this.buffer = buffer;
    this.publisher = publisher;
    this.clock = clock;
    this.batchSize = batchSize;
    this.ackTimeout = ackTimeout;
  }

  /**
   * Forwards one batch and waits for its acknowledgements, then marks the acknowledged events
   * FORWARDED from this thread: the broker's callbacks only complete futures, so a slow edge buffer
   * never stalls the producer's network thread.
   *
   * @return how many events were marked FORWARDED
   */
  public int forwardOnce() {
    List<BufferedEvent> pending = buffer.oldest(batchSize);
    List<CompletableFuture<BufferedEvent>> sends = new ArrayList<>(pending.size());
    for (BufferedEvent event : pending) {
      Optional<TelemetryMessage> message = TelemetryMapper.toMessage(event);
      if (message.isEmpty()) {
        // Nothing for the time-series store; the event is done as far as the cloud goes.
        sends.add(CompletableFuture.completedFuture(event));
        continue;
      }
      sends.add(
          publisher
              .publish(message.get())
              .toCompletableFuture()
              .thenApply(ignored -> event)
              .exceptionally(
                  failure -> {
                    LOG.log(
                        Level.WARNING,
                        "event {0} of {1} not acknowledged by the broker, kept PENDING: {2}",
                        new Object[] {event.id(), event.deviceName(), failure.getMessage()});
                    return null;
                  }));
    }
    List<BufferedEvent> acknowledged = awaitAll(sends);
    long now = clock.millis();
    for (BufferedEvent event : acknowledged) {
      buffer.markForwarded(event, now);
    }
    return acknowledged.size();
  }

  /** The events whose sends were acknowledged before the deadline, in batch order. */
  private List<BufferedEvent> awaitAll(List<CompletableFuture<BufferedEvent>> sends) {
    List<BufferedEvent> acknowledged = new ArrayList<>(sends.size());
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    for (CompletableFuture<BufferedEvent> send : sends) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        BufferedEvent event = send.get(left, TimeUnit.NANOSECONDS);
        if (event != null) {
          acknowledged.add(event);
        }
      } catch (TimeoutException e) {
        LOG.warning("broker acknowledgements timed out; unacknowledged events stay PENDING");
        break;
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "a send failed unexpectedly; the event stays PENDING", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return acknowledged;
  }
}
