package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.relay.config.ForwardingConfig;
import dev.setpoint.relay.domain.OutboxPublisher;
import dev.setpoint.relay.domain.OutboxQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of forwarding the edge's outbox (audit records, the edge's alerts) to the topics its
 * messages name: read the oldest batch, publish each, and delete a message only after the broker
 * acknowledged it. Nothing is lost to a broker outage: an unacknowledged message stays and is sent
 * again in a later round.
 *
 * <p>Order holds: of each batch only the acknowledged <em>prefix</em> is deleted, so after a
 * message the broker did not take, every later one is sent again after it (an alert's clearing
 * never overtakes its raising). A message sent again may reach the cloud twice; its id travels in
 * its payload and the cloud stores it once. As in the telemetry forwarder, the first message of a
 * round goes alone, as a probe, so that a broker outage costs one failed send per round.
 */
@ApplicationScoped
public class OutboxForwarder {
  private static final Logger LOG = Logger.getLogger(OutboxForwarder.class.getName());

  private final OutboxQueue queue;
  private final OutboxPublisher publisher;
  private final CloudLink link;
  private final int batchSize;
  private final Duration ackTimeout;
  private final AtomicLong forwardedTotal = new AtomicLong();
  private volatile OptionalLong oldestCreatedAt = OptionalLong.empty();
  private volatile boolean lastRoundFailed;

  @Inject
  public OutboxForwarder(
      OutboxQueue queue, OutboxPublisher publisher, CloudLink link, ForwardingConfig config) {
    this(queue, publisher, link, config.batchSize, config.ackTimeout);
  }

  public OutboxForwarder(
      OutboxQueue queue,
      OutboxPublisher publisher,
      CloudLink link,
      int batchSize,
      Duration ackTimeout) {
    this.queue = queue;
    this.publisher = publisher;
    this.link = link;
    this.batchSize = batchSize;
    this.ackTimeout = ackTimeout;
  }

  /** For CDI's proxy only. */
  protected OutboxForwarder() {
    this(null, null, null, 0, null);
  }

  /**
   * Forwards the oldest batch.
   *
   * @return how many messages the broker acknowledged and were deleted
   */
  public int forwardOnce() {
    List<OutboxMessage> batch = queue.oldest(batchSize);
    oldestCreatedAt =
        batch.isEmpty() ? OptionalLong.empty() : OptionalLong.of(batch.getFirst().createdAt());
    link.waiting(oldestCreatedAt);
    if (batch.isEmpty()) {
      lastRoundFailed = false;
      return 0;
    }
    int acknowledged = send(batch.subList(0, 1));
    if (acknowledged == 1 && batch.size() > 1) {
      acknowledged += send(batch.subList(1, batch.size()));
    }
    List<String> forwarded = new ArrayList<>(acknowledged);
    for (OutboxMessage m : batch.subList(0, acknowledged)) {
      forwarded.add(m.id());
    }
    queue.delete(forwarded);
    forwardedTotal.addAndGet(forwarded.size());
    lastRoundFailed = acknowledged < batch.size();
    if (!lastRoundFailed) {
      // what waits now is what was appended during this round, read by the next
      link.waiting(OptionalLong.empty());
    }
    return forwarded.size();
  }

  /** Whether the last round ended on a message the broker did not acknowledge. */
  public boolean lastRoundFailed() {
    return lastRoundFailed;
  }

  /** Messages forwarded and deleted since start. */
  public long forwardedTotal() {
    return forwardedTotal.get();
  }

  /** The {@code createdAt} of the oldest message the last round read; empty when none waited. */
  public OptionalLong oldestCreatedAt() {
    return oldestCreatedAt;
  }

  /**
   * Publishes the messages and waits for the broker, up to the ack timeout for all of them.
   *
   * @return how many of them, from the first, were acknowledged without a gap
   */
  private int send(List<OutboxMessage> messages) {
    List<CompletableFuture<Void>> sends = new ArrayList<>(messages.size());
    for (OutboxMessage m : messages) {
      CompletableFuture<Void> send;
      try {
        send = publisher.publish(m).toCompletableFuture();
      } catch (RuntimeException e) {
        send = CompletableFuture.failedFuture(e);
      }
      sends.add(send);
    }
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    int prefix = 0;
    for (int i = 0; i < sends.size(); i++) {
      if (!acknowledged(sends.get(i), deadline, messages.get(i))) {
        link.failed();
        break;
      }
      link.acknowledged();
      prefix++;
    }
    return prefix;
  }

  private static boolean acknowledged(
      CompletableFuture<Void> send, long deadline, OutboxMessage message) {
    try {
      send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      LOG.log(
          Level.WARNING,
          "outbox message {0} to {1} not acknowledged in time; kept to send again",
          new Object[] {message.id(), message.topic()});
    } catch (ExecutionException e) {
      LOG.log(
          Level.WARNING,
          "outbox message {0} to {1} not acknowledged by the broker, kept to send again: {2}",
          new Object[] {message.id(), message.topic(), String.valueOf(e.getCause())});
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
