package dev.setpoint.model.eval;

import java.util.ArrayDeque;

/**
 * The largest range (maximum − minimum) of a series within any run of {@code width} consecutive
 * values, kept as the values arrive: for the inlet's change within any 60 minutes, which ASHRAE
 * bounds (20 °C per hour; 5 °C for rooms holding tape). Monotonic queues of the window's candidates
 * for its maximum and minimum keep it linear in the length of the series.
 */
final class SlidingRange {
  private final int width;
  private final ArrayDeque<double[]> max = new ArrayDeque<>();
  private final ArrayDeque<double[]> min = new ArrayDeque<>();
  private long index;
  private double largest;

  /**
   * @param width how many consecutive values a window holds, at least 1
   */
  SlidingRange(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("a window holds at least one value: " + width);
    }
    this.width = width;
  }

  /** Takes the next value of the series. */
  void add(double value) {
    while (!max.isEmpty() && max.peekLast()[1] <= value) {
      max.pollLast();
    }
    max.addLast(new double[] {index, value});
    while (!min.isEmpty() && min.peekLast()[1] >= value) {
      min.pollLast();
    }
    min.addLast(new double[] {index, value});
    long oldest = index - width + 1;
    while (max.peekFirst()[0] < oldest) {
      max.pollFirst();
    }
    while (min.peekFirst()[0] < oldest) {
      min.pollFirst();
    }
    largest = Math.max(largest, max.peekFirst()[1] - min.peekFirst()[1]);
    index++;
  }

  /** The largest range of any window so far (0 before two values). */
  double largest() {
    return largest;
  }
}
