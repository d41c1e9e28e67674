package dev.setpoint.model.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * A room's own bound on the model's error, learnt online instead of a fixed margin (split-conformal
 * in spirit): each decision's prediction for the setpoint it chose is checked against the
 * <em>highest</em> inlet measured until one horizon later (the peak, not only the end point: the
 * envelope holds at every minute), and the margin is the largest of the last day's residuals (peak
 * − predicted), capped. It only ever widens the fixed margin: a room whose inlet runs hotter than
 * the model says (a room the model never saw) gets a wider margin, one the model knows well keeps
 * the fixed one. (Narrowing it too was tried: 1.4–2.2 % less energy, but 28–260 minutes a year
 * above 27 °C in the training room, docs/evaluation.md.) Until enough residuals are known the fixed
 * margin applies.
 *
 * <p>Memory is bounded: {@link #CAPACITY} residuals and at most 64 pending predictions (a 30-minute
 * horizon at one decision per 5 minutes keeps 7). Not thread-safe: one room, one caller (or the
 * caller's lock).
 */
public final class ResidualBound {
  /**
   * A prediction's horizon unless it names one: it is checked against the peak until this long
   * after it.
   */
  public static final Duration HORIZON = InletPredictor.DEFAULT_HORIZON;

  /** A prediction is closed by the first sample at most this late after its horizon. */
  public static final Duration TOLERANCE = Duration.ofMinutes(2);

  /** Residuals kept: a day at one decision per 5 minutes. */
  public static final int CAPACITY = 288;

  /** Residuals needed before the bound replaces the fixed margin: 3 hours of decisions. */
  public static final int WARM_UP = 36;

  /** Nor rises above this, °C: a room the model predicts worse than that is not its room. */
  public static final double CAP_C = 3.0;

  private static final class Pending {
    final Instant due;
    final double predictedC;
    final double marginC;
    double peakC = Double.NEGATIVE_INFINITY;

    Pending(Instant due, double predictedC, double marginC) {
      this.due = due;
      this.predictedC = predictedC;
      this.marginC = marginC;
    }
  }

  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final float[] residuals = new float[CAPACITY];
  private int count;
  private int next;
  private Instant lastObserved;
  private long checked;
  private long covered;

  /** Remembers a prediction made at {@code sampleTime} for the setpoint chosen then. */
  public void expect(Instant sampleTime, double predictedC) {
    expect(sampleTime, predictedC, Double.NaN);
  }

  /**
   * Remembers a prediction and the margin kept with it, so its check also counts toward the bound's
   * {@linkplain #checked() coverage}: whether the peak stayed within prediction + margin.
   */
  public void expect(Instant sampleTime, double predictedC, double marginC) {
    expect(sampleTime, predictedC, marginC, HORIZON);
  }

  /**
   * Remembers a prediction that holds until {@code horizon} after {@code sampleTime} (a look-ahead
   * model's longest horizon: its prediction is the hottest inlet up to then), with its margin.
   */
  public void expect(Instant sampleTime, double predictedC, double marginC, Duration horizon) {
    if (!Double.isFinite(predictedC)) {
      return;
    }
    pending.addLast(new Pending(sampleTime.plus(horizon), predictedC, marginC));
    while (pending.size() > 64) {
      pending.removeFirst();
    }
  }

  /**
   * Takes a measured inlet: raises every pending prediction's peak, and closes those whose horizon
   * has come. Samples at or before the last one observed are ignored.
   */
  public void observe(Instant sampleTime, double measuredC) {
    if (!Double.isFinite(measuredC)
        || (lastObserved != null && !sampleTime.isAfter(lastObserved))) {
      return;
    }
    lastObserved = sampleTime;
    while (!pending.isEmpty() && sampleTime.isAfter(pending.peekFirst().due.plus(TOLERANCE))) {
      pending.removeFirst(); // a gap: no measurement came in time
    }
    for (Pending p : pending) {
      p.peakC = Math.max(p.peakC, measuredC);
    }
    while (!pending.isEmpty() && !pending.peekFirst().due.isAfter(sampleTime)) {
      Pending p = pending.removeFirst();
      residuals[next] = (float) (p.peakC - p.predictedC);
      if (Double.isFinite(p.marginC)) {
        checked++;
        if (p.peakC <= p.predictedC + p.marginC + 1e-9) {
          covered++;
        }
      }
      next = (next + 1) % CAPACITY;
      count = Math.min(count + 1, CAPACITY);
    }
  }

  /** Predictions with a margin whose horizon closed with a measurement, since creation. */
  public long checked() {
    return checked;
  }

  /** Of the {@link #checked()} ones, those whose peak stayed within prediction + margin. */
  public long covered() {
    return covered;
  }

  /** Residuals known so far (at most {@link #CAPACITY}). */
  public int count() {
    return count;
  }

  /**
   * The margin to keep below the limit: the learnt bound where it is wider than {@code fixedC} (up
   * to {@link #CAP_C}), else {@code fixedC}.
   */
  public double marginC(double fixedC) {
    if (count < WARM_UP) {
      return fixedC;
    }
    float worst = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      worst = Math.max(worst, residuals[i]);
    }
    return Math.max(fixedC, Math.min(CAP_C, worst));
  }
}
