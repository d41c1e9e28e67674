package dev.setpoint.model.features;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@value FeatureLayout#WINDOW} samples of one room, spaced by the model's sample
 * interval. Telemetry may arrive more often (the device posts every 10 s); a sample is kept only
 * when it is at least one interval (less a small tolerance for jitter) after the last kept one, so
 * the window spans what the model was trained on. Incomplete samples are not kept.
 *
 * <p>Not thread-safe: one window per device, guarded by its owner.
 */
public final class SampleWindow {
  /** The sample interval the bootstrap model was trained with. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private final Duration interval;
  private final Duration tolerance;
  private final Duration maxGap;
  private final ArrayDeque<ClimateSample> samples = new ArrayDeque<>(FeatureLayout.WINDOW + 1);

  /**
   * A window with samples every {@code interval}; a sample up to a sixth of it early still counts,
   * and a gap above 1.5 intervals between kept samples makes the window incomplete.
   */
  public SampleWindow(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    this.interval = interval;
    this.tolerance = interval.dividedBy(6);
    this.maxGap = interval.plus(interval.dividedBy(2));
  }

  public SampleWindow() {
    this(DEFAULT_INTERVAL);
  }

  public Duration interval() {
    return interval;
  }

  /** Offers a sample; returns whether it was kept. */
  public boolean offer(ClimateSample sample) {
    if (!sample.isComplete()) {
      return false;
    }
    ClimateSample last = samples.peekLast();
    if (last != null && sample.time().isBefore(last.time().plus(interval).minus(tolerance))) {
      return false;
    }
    samples.addLast(sample);
    if (samples.size() > FeatureLayout.WINDOW) {
      samples.removeFirst();
    }
    return true;
  }

  /** The kept samples, oldest first (at most {@value FeatureLayout#WINDOW}). */
  public List<ClimateSample> samples() {
    return List.copyOf(samples);
  }

  /** The newest kept sample, or null. */
  public ClimateSample newest() {
    return samples.peekLast();
  }

  /**
   * Whether the window is full and without gaps ({@code INCOMPLETE} otherwise), and whether its
   * newest sample is at most {@code maxAge} old at {@code now} ({@code STALE} otherwise).
   */
  public WindowStatus status(Instant now, Duration maxAge) {
    if (samples.size() < FeatureLayout.WINDOW) {
      return WindowStatus.INCOMPLETE;
    }
    ClimateSample previous = null;
    for (ClimateSample s : samples) {
      if (previous != null && Duration.between(previous.time(), s.time()).compareTo(maxGap) > 0) {
        return WindowStatus.INCOMPLETE;
      }
      previous = s;
    }
    if (Duration.between(samples.peekLast().time(), now).compareTo(maxAge) > 0) {
      return WindowStatus.STALE;
    }
    return WindowStatus.READY;
  }

  /** Forgets every sample. */
  public void clear() {
    samples.clear();
  }
}
