package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.relay.domain.OutboxPublisher;
import dev.setpoint.relay.domain.OutboxQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class OutboxForwarderTest {
  static final long T0 = 1_764_316_800_000L;

  /** The outbox in memory: the unit under test sees only the port. */
  static final class Queue implements OutboxQueue {
    final Map<String, OutboxMessage> messages = new LinkedHashMap<>();

    void add(String id, String topic, long createdAt) {
      messages.put(
          id, new OutboxMessage(id, topic, "key-" + id, "{\"id\":\"" + id + "\"}", createdAt));
    }

    @Override
    public List<OutboxMessage> oldest(int max) {
      return messages.values().stream()
          .sorted(
              Comparator.comparingLong(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
          .limit(max)
          .toList();
    }

    @Override
    public List<OutboxMessage> oldest(String topic, int max) {
      return oldest(Integer.MAX_VALUE).stream()
          .filter(m -> m.topic().equals(topic))
          .limit(max)
          .toList();
    }

    @Override
    public void delete(List<String> ids) {
      ids.forEach(messages::remove);
    }
  }

  /**
   * The test's broker: acknowledges every message but those it refuses, and records each send as
   * "topic key".
   */
  static final class Broker implements OutboxPublisher {
    final List<String> sent = new ArrayList<>();
    final Set<String> refused = new HashSet<>();
    boolean down;

    @Override
    public CompletionStage<Void> publish(OutboxMessage m) {
      sent.add(m.topic() + " " + m.key());
      if (down || refused.contains(m.id())) {
        return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now = Instant.ofEpochMilli(T0);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final Queue queue = new Queue();
  final Broker broker = new Broker();
  final MutableClock clock = new MutableClock();
  boolean telemetryFailing;
  final CloudLink link = new CloudLink(Duration.ofSeconds(10), () -> telemetryFailing, clock);
  final OutboxForwarder forwarder =
      new OutboxForwarder(queue, broker, link, 3, Duration.ofSeconds(1));

  @Test
  void eachMessageGoesToItsOwnTopicOldestFirstAndIsDeletedOnceAcknowledged() {
    queue.add("b", "setpoint.alerts", T0 + 2);
    queue.add("a", "setpoint.audit", T0 + 1);
    queue.add("c", "setpoint.audit", T0 + 3);
    queue.add("d", "setpoint.alerts", T0 + 4);

    assertEquals(3, forwarder.forwardOnce(), "one batch per round");
    assertEquals(
        List.of("setpoint.audit key-a", "setpoint.alerts key-b", "setpoint.audit key-c"),
        broker.sent);
    assertEquals(List.of("d"), List.copyOf(queue.messages.keySet()));
    assertFalse(forwarder.lastRoundFailed());

    assertEquals(1, forwarder.forwardOnce());
    assertEquals(0, forwarder.forwardOnce());
    assertEquals(4, forwarder.forwardedTotal());
    assertEquals(OptionalLong.empty(), forwarder.oldestCreatedAt());
  }

  @Test
  void aBrokerOutageLosesNothingAndCostsOneSendPerRound() {
    queue.add("a", "setpoint.alerts", T0 + 1);
    queue.add("b", "setpoint.alerts", T0 + 2);
    broker.down = true;

    assertEquals(0, forwarder.forwardOnce());
    assertEquals(0, forwarder.forwardOnce());
    assertTrue(forwarder.lastRoundFailed());
    assertEquals(List.of("setpoint.alerts key-a", "setpoint.alerts key-a"), broker.sent, "probes");
    assertEquals(2, queue.messages.size(), "nothing lost");
    assertEquals(OptionalLong.of(T0 + 1), forwarder.oldestCreatedAt());

    broker.down = false;
    assertEquals(2, forwarder.forwardOnce());
    assertEquals(0, queue.messages.size());
    assertFalse(forwarder.lastRoundFailed());
  }

  @Test
  void onlyTheAcknowledgedPrefixIsDeletedSoALaterMessageNeverOvertakesAnEarlierOne() {
    queue.add("raise", "setpoint.alerts", T0 + 1);
    queue.add("escalate", "setpoint.alerts", T0 + 2);
    queue.add("clear", "setpoint.alerts", T0 + 3);
    broker.refused.add("escalate");

    assertEquals(1, forwarder.forwardOnce());
    assertEquals(
        List.of("escalate", "clear"),
        List.copyOf(queue.messages.keySet()),
        "the clearing waits behind the escalation, though the broker took it");
    assertTrue(forwarder.lastRoundFailed());

    broker.refused.clear();
    assertEquals(2, forwarder.forwardOnce());
    assertEquals(
        List.of(
            "setpoint.alerts key-raise",
            "setpoint.alerts key-escalate",
            "setpoint.alerts key-clear",
            "setpoint.alerts key-escalate",
            "setpoint.alerts key-clear"),
        broker.sent);
  }

  @Test
  void aPublisherThatThrowsCountsAsNotAcknowledged() {
    queue.add("a", "setpoint.audit", T0);
    OutboxForwarder throwing =
        new OutboxForwarder(
            queue,
            m -> {
              throw new IllegalStateException("channel not connected");
            },
            link,
            3,
            Duration.ofSeconds(1));
    assertEquals(0, throwing.forwardOnce());
    assertEquals(1, queue.messages.size());
    assertTrue(link.down(), "the last publish failed");
  }

  @Test
  void aSendWithoutAnAnswerTimesOutAndStays() {
    queue.add("a", "setpoint.audit", T0);
    OutboxForwarder waiting =
        new OutboxForwarder(queue, m -> new CompletableFuture<>(), link, 3, Duration.ofMillis(50));
    assertEquals(0, waiting.forwardOnce());
    assertEquals(1, queue.messages.size());
    assertTrue(waiting.lastRoundFailed());
  }
}
