package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.relay.domain.PendingEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  /** Records the cut-offs it was asked to purge before. */
  private static final class Buffer implements PendingEvents {
    final List<Long> purges = new ArrayList<>();

    @Override
    public Drain drain() {
      throw new UnsupportedOperationException("not used by retention");
    }

    @Override
    public void markForwarded(List<String> eventIds, long atMillis) {}

    @Override
    public long pendingCount() {
      return 0;
    }

    @Override
    public void probe() {}

    @Override
    public void markRejected(BufferedEvent event) {}

    @Override
    public void purgeForwarded(long forwardedBeforeMillis) {
      purges.add(forwardedBeforeMillis);
    }
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
}
