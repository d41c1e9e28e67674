package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import java.time.Duration;
import java.util.List;

/**
 * The origins an event may carry: no further in the future than the clock-skew tolerance, and no
 * older than the time-series store keeps raw points. An origin outside is a device's clock or a
 * forged event, never worth retrying: 400 naming the field.
 *
 * @param futureTolerance how far ahead of the hub's clock an origin may lie
 * @param maxAge how far behind it
 */
public record OriginWindow(Duration futureTolerance, Duration maxAge) {
  public OriginWindow {
    if (futureTolerance.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.limits.origin.future-tolerance must not be negative and max-age must be"
              + " positive, were "
              + futureTolerance
              + ", "
              + maxAge);
    }
  }

  /**
   * Checks the event's origin and each reading's.
   *
   * @param receivedAtMillis when the event arrived, by the hub's clock
   * @throws InvalidEventException naming the first origin outside the window
   */
  public void check(BufferedEvent event, long receivedAtMillis) {
    long now = Math.multiplyExact(receivedAtMillis, 1_000_000L);
    long latest = saturatedAdd(now, nanos(futureTolerance));
    long earliest = now - Math.min(now, nanos(maxAge));
    check(event.origin(), "event.origin", earliest, latest);
    List<BufferedReading> readings = event.readings();
    for (int i = 0; i < readings.size(); i++) {
      check(readings.get(i).origin(), "event.readings[" + i + "].origin", earliest, latest);
    }
  }

  private void check(long origin, String field, long earliest, long latest) {
    if (origin > latest) {
      throw new InvalidEventException(
          field
              + " "
              + origin
              + " lies more than "
              + futureTolerance
              + " ahead of the hub's clock; check the device's clock");
    }
    if (origin < earliest) {
      throw new InvalidEventException(
          field
              + " "
              + origin
              + " is older than "
              + maxAge
              + " (setpoint.ingest.limits.origin.max-age), the time-series store's raw"
              + " retention");
    }
  }

  private static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException beyondInt64) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
