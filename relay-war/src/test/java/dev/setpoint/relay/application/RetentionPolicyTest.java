package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.relay.domain.Backlog;
import dev.setpoint.relay.domain.PendingEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  /** Records the cut-offs it was asked to compact before. */
  private static final class Buffer implements PendingEvents {
    final List<Long> purges = new ArrayList<>();
    long deleting;

    @Override
    public Window next(int maxEvents) {
      throw new UnsupportedOperationException("not used by retention");
    }

    @Override
    public void advance(Window window, long atMillis) {}

    @Override
    public void reject(BufferedEvent event, String reason) {}

    @Override
    public long compact(long storedBeforeMillis) {
      purges.add(storedBeforeMillis);
      return deleting;
    }

    @Override
    public Backlog backlog() {
      return Backlog.EMPTY;
    }

    @Override
    public void probe() {}
  }

  @Test
  void purgesWhatIsOlderThanTheRetentionAtMostOncePerInterval() {
    Buffer buffer = new Buffer();
    RetentionPolicy policy =
        new RetentionPolicy(buffer, Duration.ofHours(24), Duration.ofMinutes(1));
    long day = Duration.ofHours(24).toMillis();

    assertTrue(policy.purgeIfDue(10 * day));
    assertFalse(policy.purgeIfDue(10 * day + 59_999));
    assertTrue(policy.purgeIfDue(10 * day + 60_000));

    assertEquals(List.of(9 * day, 9 * day + 60_000), buffer.purges);
  }

  @Test
  void whileThereIsWorkLeftTheNextRoundCompactsAgainAtOnce() {
    Buffer buffer = new Buffer();
    RetentionPolicy policy =
        new RetentionPolicy(buffer, Duration.ofHours(24), Duration.ofMinutes(1));
    long day = Duration.ofHours(24).toMillis();

    buffer.deleting = 16;
    assertTrue(policy.purgeIfDue(10 * day));
    assertTrue(policy.purgeIfDue(10 * day + 100), "found work: again without the interval");
    buffer.deleting = 0;
    assertTrue(policy.purgeIfDue(10 * day + 200));
    assertFalse(policy.purgeIfDue(10 * day + 300), "caught up: back to the interval");
  }
}
