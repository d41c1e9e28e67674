package dev.setpoint.ingest.application.legacy;

/**
 * Turns a v1 origin into epoch nanoseconds. EdgeX v1 sent milliseconds, later v1 SDKs nanoseconds;
 * the unit is told by magnitude. The report's script sends one fixed origin (1471806386919, in
 * 2016) with every event, which would put every sample on one instant; an origin further than the
 * allowed skew from the time of receipt is therefore replaced by the time of receipt.
 *
 * @param nanos the origin to store
 * @param replaced whether the sent origin was absent or implausible and the receipt time was used
 */
public record LegacyOrigin(long nanos, boolean replaced) {
  private static final long MICROS_FROM = 100_000_000_000_000L; // 1e14: beyond any ms in 5138
  private static final long NANOS_FROM = 100_000_000_000_000_000L; // 1e17

  /**
   * @param sent the origin as sent, or {@code null}/0 when absent
   * @param receivedAtMillis when the event arrived
   * @param maxSkewMillis how far the origin may lie from the receipt time
   */
  public static LegacyOrigin of(Long sent, long receivedAtMillis, long maxSkewMillis) {
    long received = Math.multiplyExact(receivedAtMillis, 1_000_000L);
    if (sent == null || sent <= 0) {
      return new LegacyOrigin(received, true);
    }
    long nanos;
    try {
      if (sent < MICROS_FROM) {
        nanos = Math.multiplyExact(sent, 1_000_000L);
      } else if (sent < NANOS_FROM) {
        nanos = Math.multiplyExact(sent, 1_000L);
      } else {
        nanos = sent;
      }
    } catch (ArithmeticException beyondInt64) {
      return new LegacyOrigin(received, true);
    }
    if (Math.abs(nanos - received) > maxSkewMillis * 1_000_000L) {
      return new LegacyOrigin(received, true);
    }
    return new LegacyOrigin(nanos, false);
  }
}
