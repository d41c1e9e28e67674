package dev.setpoint.ingest.infrastructure.persistence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventWriteQueueTest {
  private static final ThreadFactory THREADS =
      r -> {
        Thread thread = new Thread(r, "test-writer");
        thread.setDaemon(true);
        return thread;
      };

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
  private EventWriteQueue queue;

  @AfterEach
  void tearDown() {
    release.countDown();
    if (queue != null) {
      queue.close();
    }
    callers.shutdownNow();
  }

  private static BufferedEvent event(String id) {
    return new BufferedEvent(
        id,
        "rack-1",
        "room-sensor",
        "climate",
        1L,
        List.of(new BufferedReading("r", 1L, "temperature", "Float64", "20", null)),
        EventState.PENDING,
        1L,
        null);
  }

  /** A writer that records each batch, holds the first until released, then answers per event. */
  private EventWriteQueue.BatchWriter recording(Function<String, WriteOutcome> outcome) {
    return batch -> {
      batches.add(batch.stream().map(BufferedEvent::id).toList());
      if (batches.size() == 1) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return batch.stream().map(e -> outcome.apply(e.id())).toList();
    };
  }

  private Future<?> add(String id) {
    return callers.submit(() -> queue.add(event(id)));
  }

  private static Throwable failure(Future<?> future) throws Exception {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void concurrentWritesShareBatchesOfAtMostTheMaximum() throws Exception {
    queue =
        new EventWriteQueue(
            recording(id -> WriteOutcome.STORED), THREADS, 4, 100, Duration.ofSeconds(5));
    Future<?> first = add("e0");
    await().until(() -> batches.size() == 1);
    List<Future<?>> rest = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      rest.add(add("e" + i));
    }
    await().until(() -> queue.waiting() == 10);

    release.countDown();
    first.get(5, TimeUnit.SECONDS);
    for (Future<?> f : rest) {
      f.get(5, TimeUnit.SECONDS);
    }

    assertEquals(List.of(1, 4, 4, 2), batches.stream().map(List::size).toList());
    assertEquals(11, batches.stream().mapToInt(List::size).sum());
  }

  @Test
  void eachCallerGetsItsOwnOutcome() throws Exception {
    queue =
        new EventWriteQueue(
            recording(
                id ->
                    switch (id) {
                      case "dup" -> WriteOutcome.DUPLICATE;
                      case "bad" -> new WriteOutcome.Failed("the edge buffer refused it", null);
                      default -> WriteOutcome.STORED;
                    }),
            THREADS,
            16,
            100,
            Duration.ofSeconds(5));
    Future<?> first = add("first");
    await().until(() -> batches.size() == 1);
    Future<?> ok = add("ok");
    Future<?> dup = add("dup");
    Future<?> bad = add("bad");
    await().until(() -> queue.waiting() == 3);
    release.countDown();

    first.get(5, TimeUnit.SECONDS);
    ok.get(5, TimeUnit.SECONDS);
    assertInstanceOf(DuplicateEventException.class, failure(dup));
    Throwable refused = failure(bad);
    assertInstanceOf(StoreUnavailableException.class, refused);
    assertEquals("the edge buffer refused it", refused.getMessage());
    assertEquals(3, batches.get(1).size(), "the three waiting callers shared one batch");
  }

  @Test
  void aFullQueueAnswersAtOnce() throws Exception {
    queue =
        new EventWriteQueue(
            recording(id -> WriteOutcome.STORED), THREADS, 16, 1, Duration.ofSeconds(30));
    add("in-flight");
    await().until(() -> batches.size() == 1);
    add("queued");
    await().until(() -> queue.waiting() == 1);

    long t0 = System.nanoTime();
    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> queue.add(event("refused")));
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "refused without waiting");
    assertTrue(e.getMessage().contains("write queue is full"), e.getMessage());
    assertTrue(e.getMessage().contains("was not stored"), e.getMessage());
  }

  @Test
  void aCallerGivesUpAfterTheTimeoutAndIsToldWhetherItMayBeStored() throws Exception {
    queue =
        new EventWriteQueue(
            recording(id -> WriteOutcome.STORED), THREADS, 16, 100, Duration.ofMillis(300));
    Future<?> inFlight = add("in-flight");
    await().until(() -> batches.size() == 1);
    Future<?> queued = add("queued");

    // Taken by the writer: its fate is unknown. Still queued: certainly not stored, and removed.
    String unknown = failure(inFlight).getMessage();
    assertTrue(unknown.startsWith("no answer from the edge buffer within 300 ms"), unknown);
    assertTrue(unknown.contains("may or may not be stored"), unknown);
    assertTrue(unknown.contains("Retrying with the same event id is safe: 201"), unknown);
    String notStored = failure(queued).getMessage();
    assertTrue(notStored.contains("the event was not stored"), notStored);
    assertEquals(0, queue.waiting());
  }

  @Test
  void aFailingBatchFailsItsCallersAndTheWriterGoesOn() throws Exception {
    List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
    queue =
        new EventWriteQueue(
            batch -> {
              calls.add(batch.size());
              if (calls.size() == 1) {
                throw new IllegalStateException("bug");
              }
              return BatchOutcomes.allStored(batch.size());
            },
            THREADS,
            16,
            100,
            Duration.ofSeconds(5));
    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> queue.add(event("a")));
    assertTrue(e.getMessage().contains("may or may not be stored"), e.getMessage());
    queue.add(event("b"));
    assertEquals(2, calls.size());
  }

  @Test
  void closingFailsWhatIsStillQueued() throws Exception {
    queue =
        new EventWriteQueue(
            recording(id -> WriteOutcome.STORED), THREADS, 16, 100, Duration.ofSeconds(2));
    add("in-flight");
    await().until(() -> batches.size() == 1);
    Future<?> queued = add("queued");
    await().until(() -> queue.waiting() == 1);

    CompletableFuture<Void> closing = CompletableFuture.runAsync(queue::close);
    String message = failure(queued).getMessage();
    assertTrue(message.contains("shutting down"), message);
    release.countDown();
    closing.get(5, TimeUnit.SECONDS);
    assertThrows(StoreUnavailableException.class, () -> queue.add(event("late")));
  }

  @Test
  void aWriterWithNothingQueuedIsToldSoAndAFailureThereDoesNotStopIt() throws Exception {
    AtomicInteger idle = new AtomicInteger();
    EventWriteQueue.BatchWriter writer =
        new EventWriteQueue.BatchWriter() {
          @Override
          public List<WriteOutcome> write(List<BufferedEvent> batch) {
            return Collections.nCopies(batch.size(), WriteOutcome.STORED);
          }

          @Override
          public void idle() {
            idle.incrementAndGet();
            throw new IllegalStateException("the store is away");
          }
        };
    queue = new EventWriteQueue(writer, THREADS, 16, 100, Duration.ofSeconds(2));

    await().until(() -> idle.get() >= 2); // told again after a failing turn
    queue.add(event("a")); // and still writing
    int before = idle.get();
    await().until(() -> idle.get() > before);
  }
}
