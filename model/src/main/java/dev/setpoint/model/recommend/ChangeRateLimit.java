package dev.setpoint.model.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The rate-of-change limit on one room's setpoint: over any {@link #WINDOW} the setpoints the room
 * was sent may span at most L °C. ASHRAE limits the change of the inlet to 20 °C within any 60
 * minutes ({@link #ASHRAE_C}), 5 °C where tape is held ({@link #TAPE_C}); the inlet follows the
 * setpoint, so bounding the setpoint's range bounds the inlet's drive. A fall in answer to a breach
 * may be fast, but not faster than this.
 *
 * <p>A new setpoint must lie within [max − L, min + L] of the setpoints {@linkplain #record
 * recorded} in the last hour: then the hour's range, with it, is at most L. It is moved to the
 * nearest end of that interval, on the grid of multiples of the step, rounded toward the permitted
 * side (a bound off the grid, from a controller that reported an off-grid setpoint, is kept as is
 * when no grid point lies inside). If the hour already spans more than 2L (the limit was lowered
 * within it), no value meets both ends; the setpoint is then kept between them, inside the hour's
 * range, which it does not widen.
 *
 * <p>The history is bounded: a setpoint older than the window is forgotten, and one a newer
 * setpoint dominates (no higher for the maximum, no lower for the minimum) is dropped, so each of
 * the two queues holds a strictly monotone run of values — on a 0.5 °C grid between 18 and 27 °C at
 * most 19. One instance per room, used by one caller at a time (not thread-safe).
 */
public final class ChangeRateLimit {
  /** The window over which the setpoint's range is limited. */
  public static final Duration WINDOW = Duration.ofMinutes(60);

  /** ASHRAE's limit on the inlet's change within any 60 minutes, °C. */
  public static final double ASHRAE_C = 20;

  /** ASHRAE's limit where tape is held, °C. */
  public static final double TAPE_C = 5;

  private static final double EPS = 1e-9;

  /** A setpoint sent at a time. */
  private record Sent(Instant time, double setpointC) {}

  private final double stepC;

  /** Setpoints in time order with strictly falling values: the first is the hour's maximum. */
  private final Deque<Sent> highs = new ArrayDeque<>();

  /** Setpoints in time order with strictly rising values: the first is the hour's minimum. */
  private final Deque<Sent> lows = new ArrayDeque<>();

  /**
   * @param stepC the setpoints' grid, °C (the policy's candidate step)
   */
  public ChangeRateLimit(double stepC) {
    if (!(stepC > 0)) {
      throw new IllegalArgumentException("the step must be positive: " + stepC);
    }
    this.stepC = stepC;
  }

  /**
   * A setpoint after the limit.
   *
   * @param setpointC the setpoint to send, °C
   * @param limited whether the limit moved it from the one asked for
   */
  public record Limited(double setpointC, boolean limited) {}

  /**
   * The setpoint nearest {@code setpointC} that keeps the range of the last hour's setpoints at
   * most {@code maxChangeC}. Records nothing.
   *
   * @param now the time it would be sent; setpoints recorded more than {@link #WINDOW} before it no
   *     longer count
   * @param maxChangeC L, °C
   */
  public Limited limit(Instant now, double setpointC, double maxChangeC) {
    if (!(maxChangeC >= 0)) {
      throw new IllegalArgumentException("the limit must not be negative: " + maxChangeC);
    }
    forget(now);
    if (highs.isEmpty()) {
      return new Limited(setpointC, false);
    }
    double max = highs.peekFirst().setpointC();
    double min = lows.peekFirst().setpointC();
    double low = max - maxChangeC;
    double high = min + maxChangeC;
    if (low > high) {
      double t = low;
      low = high;
      high = t;
    }
    if (setpointC < low - EPS) {
      double up = onGrid(Math.ceil(low / stepC - EPS) * stepC);
      return new Limited(up <= high + EPS ? up : low, true);
    }
    if (setpointC > high + EPS) {
      double down = onGrid(Math.floor(high / stepC + EPS) * stepC);
      return new Limited(down >= low - EPS ? down : high, true);
    }
    return new Limited(setpointC, false);
  }

  /** Remembers a setpoint the room was sent (or runs at) at {@code time}, in time order. */
  public void record(Instant time, double setpointC) {
    if (!Double.isFinite(setpointC)) {
      return;
    }
    while (!highs.isEmpty() && highs.peekLast().setpointC() <= setpointC) {
      highs.removeLast();
    }
    while (!lows.isEmpty() && lows.peekLast().setpointC() >= setpointC) {
      lows.removeLast();
    }
    Sent sent = new Sent(time, setpointC);
    highs.addLast(sent);
    lows.addLast(sent);
    forget(time);
  }

  /** How many setpoints are held (for tests: the history stays bounded). */
  int size() {
    return highs.size() + lows.size();
  }

  private void forget(Instant now) {
    Instant oldest = now.minus(WINDOW);
    while (!highs.isEmpty() && highs.peekFirst().time().isBefore(oldest)) {
      highs.removeFirst();
    }
    while (!lows.isEmpty() && lows.peekFirst().time().isBefore(oldest)) {
      lows.removeFirst();
    }
  }

  private static double onGrid(double c) {
    return Math.round(c * 1e6) / 1e6;
  }
}
