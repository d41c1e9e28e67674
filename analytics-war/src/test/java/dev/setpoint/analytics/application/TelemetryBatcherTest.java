package dev.setpoint.analytics.application;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.domain.UnstorableTelemetryException;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelemetryBatcherTest {
  private final List<List<String>> writes = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile String refused;
  private final TimeSeriesStore store =
      new TimeSeriesStore() {
        @Override
        public void write(TelemetryMessage message) {
          if (message.eventId().equals(refused)) {
            throw new UnstorableTelemetryException("field type conflict", null);
          }
          writes.add(List.of(message.eventId()));
        }

        @Override
        public void write(List<TelemetryMessage> batch) {
          if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("influx down");
          }
          if (refused != null && batch.stream().anyMatch(m -> m.eventId().equals(refused))) {
            throw new UnstorableTelemetryException("partial write", null);
          }
          writes.add(batch.stream().map(TelemetryMessage::eventId).toList());
        }

        @Override
        public void write(DeviceRecommendation recommendation) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean isReachable() {
          return failures.get() == 0;
        }
      };

  /** What the recorder's hook does; a test sets its own. */
  private volatile Consumer<TelemetryMessage> hook = m -> {};

  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final TelemetryRecorder recorder =
      new TelemetryRecorder(
          store,
          Duration.ofMillis(1),
          Duration.ofMillis(4),
          pauses::add,
          m -> hook.accept(m),
          new RecentEventIds(10));

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<String> acked = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    running.set(false);
  }

  private static TelemetryMessage message(String id) {
    return new TelemetryMessage(
        1,
        id,
        "rack-1",
        "p",
        "s",
        10L,
        List.of(new TelemetryReading("temperature", 22.0, "C")),
        null,
        null,
        null,
        null,
        null);
  }

  private void offer(TelemetryBatcher batcher, String... ids) throws InterruptedException {
    for (String id : ids) {
      batcher.offer(message(id), () -> acked.add(id));
    }
  }

  private void start(TelemetryBatcher batcher) {
    Thread writer = new Thread(() -> batcher.run(running::get), "test-writer");
    writer.setDaemon(true);
    writer.start();
    Thread teller = new Thread(() -> batcher.runAfterStored(running::get), "test-teller");
    teller.setDaemon(true);
    teller.start();
  }

  @Test
  void aBatchClosesAtItsSize() throws Exception {
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 2, Duration.ofSeconds(30), 10);
    offer(batcher, "a", "b", "c", "d", "e");
    start(batcher);

    await().atMost(Duration.ofSeconds(5)).until(() -> writes.size() == 2);
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), writes);
    assertEquals(List.of("a", "b", "c", "d"), acked, "e waits for its batch to fill or linger");
  }

  @Test
  void aBatchClosesAtItsLinger() throws Exception {
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 1000, Duration.ofMillis(50), 1000);
    start(batcher);
    offer(batcher, "a", "b");

    await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 2);
    assertEquals(List.of(List.of("a", "b")), writes);
  }

  @Test
  void aFailedBatchIsRetriedWholeAndAcknowledgedOnlyOnceStored() throws Exception {
    failures.set(3);
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 3, Duration.ofMillis(10), 10);
    offer(batcher, "a", "b", "c");
    start(batcher);

    await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 3);
    assertEquals(List.of(List.of("a", "b", "c")), writes);
    assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4)), pauses);
    assertEquals(3, recorder.storedCount());
    assertEquals(1, recorder.batchCount());
  }

  @Test
  void nothingIsAcknowledgedWhenStoppedWhileTheStoreIsDown() throws Exception {
    failures.set(Integer.MAX_VALUE);
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 3, Duration.ofMillis(10), 10);
    offer(batcher, "a", "b");
    start(batcher);
    await().atMost(Duration.ofSeconds(5)).until(() -> pauses.size() >= 2);

    running.set(false);
    await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertEquals(List.of(), acked);
    assertEquals(List.of(), writes);
  }

  @Test
  void theQueueIsBoundedAndAnOfferWaitsWhileItIsFull() throws Exception {
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 2, Duration.ofMillis(10), 2);
    offer(batcher, "a", "b");
    AtomicBoolean third = new AtomicBoolean();
    Thread offering =
        new Thread(
            () -> {
              try {
                offer(batcher, "c");
                third.set(true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    offering.setDaemon(true);
    offering.start();
    await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> true);
    assertFalse(third.get(), "the queue holds two");
    assertEquals(2, batcher.queued());

    start(batcher);
    await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 3);
    assertTrue(third.get());
  }

  @Test
  void aBatchTheStoreRefusesForWhatIsInItIsWrittenOneByOne() throws Exception {
    refused = "b";
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 3, Duration.ofMillis(10), 10);
    offer(batcher, "a", "b", "c");
    start(batcher);

    await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 3);
    assertEquals(List.of(List.of("a"), List.of("c")), writes);
    assertEquals(1, recorder.rejectedCount());
    assertEquals(2, recorder.storedCount());
  }

  @Test
  void countsAMessageStoredAgainWhileItsIdIsRecent() throws Exception {
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 3, Duration.ofMillis(10), 10);
    offer(batcher, "a", "b", "a");
    start(batcher);

    await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 3);
    assertEquals(1, recorder.rewrittenCount());
  }

  @Test
  void theNextBatchIsWrittenWhileTheHookWorksAndABatchIsAcknowledgedOnlyOnceTold()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> told = new CopyOnWriteArrayList<>();
    hook =
        m -> {
          told.add(m.eventId());
          if (m.eventId().equals("a")) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    TelemetryBatcher batcher = new TelemetryBatcher(recorder, 2, Duration.ofMillis(10), 10);
    start(batcher);
    offer(batcher, "a", "b");
    await().until(() -> told.contains("a"));
    offer(batcher, "c", "d");

    await().until(() -> writes.size() == 2);
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), writes);
    assertEquals(List.of(), acked, "stored, but the hook has not finished with them");
    release.countDown();
    await().until(() -> acked.size() == 4);
    assertEquals(List.of("a", "b", "c", "d"), told);
    assertEquals(List.of("a", "b", "c", "d"), acked);
  }

  @Test
  void refusesSizesThatCannotWork() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TelemetryBatcher(recorder, 0, Duration.ofMillis(10), 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TelemetryBatcher(recorder, 10, Duration.ofMillis(10), 5));
    assertEquals(new ArrayList<>(), writes);
  }
}
