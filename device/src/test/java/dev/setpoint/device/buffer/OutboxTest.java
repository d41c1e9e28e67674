package dev.setpoint.device.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.device.StandInIngest;
import dev.setpoint.device.edge.IngestClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path dir;
  private StandInIngest ingest;
  private IngestClient client;
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @BeforeEach
  void start() throws Exception {
    ingest = new StandInIngest();
    ingest.knownDevice("r1", "spd_r1");
    client = new IngestClient(ingest.uri(), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    ingest.close();
  }

  private static String body(int n) {
    return "{\"apiVersion\":\"v3\",\"event\":{\"id\":\"e-" + n + "\",\"n\":" + n + "}}";
  }

  private void advance(Duration d) {
    now.set(now.get().plus(d));
  }

  @Test
  void buffersWhileIngestIsDownAndResendsInOrderOnceEach() throws Exception {
    String path = IngestClient.eventPath("svc", "room-controller", "r1", "climate");
    EventJournal journal = new EventJournal(dir.resolve("r1.journal"), 100);
    Outbox outbox =
        new Outbox(
            journal,
            e -> client.post(e, "spd_r1"),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 1.0),
            clock);

    outbox.submit("r1", path, body(1));
    ingest.stop();
    for (int n = 2; n <= 5; n++) {
      outbox.submit("r1", path, body(n));
      advance(Duration.ofSeconds(10));
      assertEquals(0, outbox.flush(now.get().plus(Duration.ofSeconds(5))));
    }
    assertEquals(4, outbox.buffered());

    // The agent restarts while ingest is still down: the journal keeps the backlog.
    journal.close();
    journal = new EventJournal(dir.resolve("r1.journal"), 100);
    outbox =
        new Outbox(
            journal,
            e -> client.post(e, "spd_r1"),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 1.0),
            clock);
    assertEquals(4, outbox.buffered());
    outbox.submit("r1", path, body(6)); // goes behind the backlog, not ahead of it

    ingest.start();
    assertEquals(5, outbox.flush(now.get().plus(Duration.ofSeconds(5))));
    assertEquals(0, outbox.buffered());
    List<String> ids = new ArrayList<>();
    ingest.stored().forEach(s -> ids.add(s.id()));
    assertEquals(List.of("e-1", "e-2", "e-3", "e-4", "e-5", "e-6"), ids);
    journal.close();
  }

  @Test
  void backsOffExponentiallyAndA409OnResendCountsAsDelivered() throws Exception {
    List<Integer> answers = new ArrayList<>(List.of(503, 503, 503, 409, 201));
    List<Instant> attempts = new ArrayList<>();
    EventJournal journal = new EventJournal(dir.resolve("r1.journal"), 100);
    Outbox outbox =
        new Outbox(
            journal,
            e -> {
              attempts.add(now.get());
              return Attempt.ofStatus(answers.removeFirst());
            },
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0),
            clock);
    Instant t0 = now.get();
    outbox.submit("r1", "/p", body(1)); // 503
    outbox.submit("r1", "/p", body(2)); // queued behind
    for (int s = 0; s < 20; s++) {
      outbox.flush(now.get().plus(Duration.ofHours(1)));
      advance(Duration.ofMillis(500));
    }
    // 503 at t0, then retries after 1 s, 2 s (503 each), then 4 s later: 409 (stored before)
    assertEquals(
        List.of(t0, t0.plusSeconds(1), t0.plusSeconds(3), t0.plusSeconds(7), t0.plusSeconds(7)),
        attempts);
    assertEquals(2, outbox.delivered());
    assertEquals(0, outbox.buffered());
    journal.close();
  }

  @Test
  void aRefusedEventIsDroppedNotRetried() throws Exception {
    EventJournal journal = new EventJournal(dir.resolve("r1.journal"), 100);
    List<Integer> answers = new ArrayList<>(List.of(400, 201));
    Outbox outbox =
        new Outbox(
            journal,
            e -> Attempt.ofStatus(answers.removeFirst()),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0),
            clock);
    outbox.submit("r1", "/p", body(1));
    outbox.submit("r1", "/p", body(2));
    assertEquals(1, outbox.rejected());
    assertEquals(1, outbox.delivered());
    assertEquals(0, outbox.buffered());
    journal.close();
  }

  @Test
  void a429IsKeptAndResentNoSoonerThanItsRetryAfter() throws Exception {
    String path = IngestClient.eventPath("svc", "room-controller", "r1", "climate");
    EventJournal journal = new EventJournal(dir.resolve("r1.journal"), 100);
    Outbox outbox =
        new Outbox(
            journal,
            e -> client.post(e, "spd_r1"),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 1.0),
            clock);
    ingest.answerEvents(429, "30");
    Instant t0 = now.get();
    outbox.submit("r1", path, body(1));
    assertEquals(1, outbox.buffered(), "kept, not dropped");
    assertEquals(t0.plusSeconds(30), outbox.nextAttempt(), "Retry-After, not the 1 s backoff");

    ingest.answerEvents(0);
    advance(Duration.ofSeconds(29));
    assertEquals(0, outbox.flush(now.get().plusSeconds(5)), "not before Retry-After");
    advance(Duration.ofSeconds(1));
    assertEquals(1, outbox.flush(now.get().plusSeconds(5)));
    assertEquals(List.of("e-1"), ingest.stored().stream().map(StandInIngest.Stored::id).toList());
    journal.close();
  }

  @Test
  void aFullHubVolumes507KeepsTheEventsInTheJournalThroughARestartAndResendsThemAfterRetryAfter()
      throws Exception {
    String path = IngestClient.eventPath("svc", "room-controller", "r1", "climate");
    EventJournal journal = new EventJournal(dir.resolve("r1.journal"), 100);
    Outbox outbox =
        new Outbox(
            journal,
            e -> client.post(e, "spd_r1"),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 1.0),
            clock);
    // the hub's buffer volume above its high-water mark: every post 507, Retry-After 30 s
    ingest.answerEvents(507, "30");
    Instant t0 = now.get();
    outbox.submit("r1", path, body(1));
    outbox.submit("r1", path, body(2));
    assertEquals(2, outbox.buffered(), "both kept, none dropped");
    assertEquals(0, outbox.rejected());
    assertEquals(t0.plusSeconds(30), outbox.nextAttempt(), "Retry-After, not the 1 s backoff");
    advance(Duration.ofSeconds(30));
    assertEquals(0, outbox.flush(now.get().plusSeconds(5)), "still full: kept again");
    assertEquals(2, outbox.buffered());

    // The agent restarts while the hub is full: the journal on the device's disk keeps both.
    journal.close();
    journal = new EventJournal(dir.resolve("r1.journal"), 100);
    outbox =
        new Outbox(
            journal,
            e -> client.post(e, "spd_r1"),
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 1.0),
            clock);
    assertEquals(2, outbox.buffered());

    // space returns: both are stored, in order, once each
    ingest.answerEvents(0);
    advance(Duration.ofSeconds(30));
    assertEquals(2, outbox.flush(now.get().plusSeconds(5)));
    assertEquals(0, outbox.buffered());
    assertEquals(
        List.of("e-1", "e-2"), ingest.stored().stream().map(StandInIngest.Stored::id).toList());
    journal.close();
  }

  @Test
  void a507AndA503AreKeptAndA400IsDroppedForGood() throws Exception {
    List<Attempt> answers =
        new ArrayList<>(
            List.of(
                new Attempt(Delivery.RETRY, Duration.ofSeconds(60)), // 507 at the cap
                Attempt.ofAnswer(503, java.util.Optional.of("2"), now.get()),
                Attempt.ofStatus(201),
                Attempt.ofStatus(400)));
    List<Instant> attempts = new ArrayList<>();
    EventJournal journal = new EventJournal(dir.resolve("r1.journal"), 100);
    Outbox outbox =
        new Outbox(
            journal,
            e -> {
              attempts.add(now.get());
              return answers.removeFirst();
            },
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0),
            clock);
    Instant t0 = now.get();
    outbox.submit("r1", "/p", body(1)); // 507, Retry-After 60
    outbox.submit("r1", "/p", body(2));
    for (int s = 0; s < 200; s++) {
      outbox.flush(now.get().plus(Duration.ofHours(1)));
      advance(Duration.ofMillis(500));
    }
    // 60 s after the 507 a 503 asking 2 s (the backoff's second step is 2 s too), then 201, 400.
    assertEquals(List.of(t0, t0.plusSeconds(60), t0.plusSeconds(62), t0.plusSeconds(62)), attempts);
    assertEquals(1, outbox.delivered());
    assertEquals(1, outbox.rejected(), "the 400 dropped, not retried");
    assertEquals(0, outbox.buffered());
    journal.close();
  }
}
