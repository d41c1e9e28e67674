package dev.setpoint.ingest.application;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.domain.Outbox;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxAppenderTest {
  final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  final List<String> stored = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  static OutboxMessage message(String id) {
    return new OutboxMessage(id, "setpoint.alerts", "k", "{}", 1);
  }

  @Test
  void messagesReachTheOutboxInOrderThroughAStoreOutage() {
    AtomicInteger failures = new AtomicInteger(3);
    Outbox outbox =
        m -> {
          if (failures.getAndDecrement() > 0) {
            throw new StoreUnavailableException("down");
          }
          stored.add(m.id());
        };
    OutboxAppender appender =
        new OutboxAppender(outbox, executor, 10, Duration.ofMillis(10), Duration.ofMillis(40));
    for (String id : List.of("raise", "escalate", "clear")) {
      assertTrue(appender.offer(message(id)));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> stored.size() == 3);
    assertEquals(List.of("raise", "escalate", "clear"), stored);
    assertEquals(3, appender.appendedCount());
    assertEquals(0, appender.waitingCount());
  }

  @Test
  void theCallerNeverWaitsAndAFullQueueDropsTheNewest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Outbox blocked =
        m -> {
          try {
            release.await(5, TimeUnit.SECONDS); // MongoDB slow to answer
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          stored.add(m.id());
        };
    OutboxAppender appender =
        new OutboxAppender(blocked, executor, 2, Duration.ofMillis(10), Duration.ofMillis(10));
    assertTrue(appender.offer(message("a")));
    await().atMost(Duration.ofSeconds(5)).until(() -> appender.waitingCount() == 1);
    assertTrue(appender.offer(message("b")));
    assertFalse(appender.offer(message("c")), "two already wait");
    assertEquals(1, appender.droppedCount());
    release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> stored.size() == 2);
    assertEquals(List.of("a", "b"), stored);
  }

  @Test
  void aMessageRefusedForGoodIsDroppedAndTheRestGoOn() {
    Outbox outbox =
        m -> {
          if (m.id().equals("bad")) {
            throw new IllegalArgumentException("no topic");
          }
          stored.add(m.id());
        };
    OutboxAppender appender =
        new OutboxAppender(outbox, executor, 10, Duration.ofMillis(10), Duration.ofMillis(10));
    appender.offer(message("bad"));
    appender.offer(message("good"));
    await().atMost(Duration.ofSeconds(5)).until(() -> stored.size() == 1);
    assertEquals(1, appender.droppedCount());
  }
}
