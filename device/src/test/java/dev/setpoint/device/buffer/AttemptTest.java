package dev.setpoint.device.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agent's delivery rules, status by status, as ingest answers. */
class AttemptTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private static Attempt answer(int status, String retryAfter) {
    return Attempt.ofAnswer(status, Optional.ofNullable(retryAfter), NOW);
  }

  @Test
  void overTheRateAtTheCapOrUnavailableIsKeptForTheWaitIngestAsks() {
    assertEquals(new Attempt(Delivery.RETRY, Duration.ofSeconds(3)), answer(429, "3"));
    assertEquals(new Attempt(Delivery.RETRY, Duration.ofSeconds(60)), answer(507, "60"));
    assertEquals(new Attempt(Delivery.RETRY, Duration.ofSeconds(5)), answer(503, "5"));
    assertEquals(new Attempt(Delivery.RETRY, Duration.ZERO), answer(503, null));
  }

  @Test
  void aBadEventIsDroppedForGoodWhateverItsHeaders() {
    assertEquals(new Attempt(Delivery.REJECTED, Duration.ZERO), answer(400, "30"));
    for (int status : new int[] {404, 413, 415, 423}) {
      assertEquals(Delivery.REJECTED, answer(status, null).delivery(), "status " + status);
    }
  }

  @Test
  void storedDuplicateAndTokenProblemsAreAsBefore() {
    assertEquals(Delivery.STORED, answer(201, null).delivery());
    assertEquals(Delivery.DUPLICATE, answer(409, null).delivery());
    assertEquals(Delivery.RETRY, answer(401, null).delivery());
    assertEquals(Delivery.RETRY, answer(403, null).delivery());
    assertEquals(Delivery.RETRY, answer(408, null).delivery());
    assertEquals(Delivery.RETRY, Attempt.unreachable().delivery());
  }

  @Test
  void readsAnHttpDateAndIgnoresWhatItCannotRead() {
    assertEquals(Duration.ofSeconds(90), answer(503, "Thu, 3 Dec 2026 12:01:30 GMT").retryAfter());
    assertEquals(Duration.ZERO, answer(503, "Thu, 3 Dec 2026 11:00:00 GMT").retryAfter());
    assertEquals(Duration.ZERO, answer(429, "soon").retryAfter());
    assertEquals(Duration.ZERO, answer(429, "-5").retryAfter());
  }

  @Test
  void honoursAnHourAtMost() {
    assertEquals(Attempt.MAX_RETRY_AFTER, answer(507, "86400").retryAfter());
    assertEquals(Attempt.MAX_RETRY_AFTER, answer(507, "99999999999999999999").retryAfter());
  }
}
