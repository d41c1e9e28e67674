package dev.setpoint.analytics.application.energy;

import java.time.Duration;

/**
 * The energy roll-up's settings ({@code setpoint.analytics.energy.*}), checked once: a value that
 * makes no sense stops the deployment with a message naming its key, rather than rolling up
 * nonsense quietly.
 *
 * @param rollupInterval how often the hours are rolled up again
 * @param lookback how far back each roll-up reads the counters and rewrites the hours (at start-up
 *     at least {@link #STARTUP_LOOKBACK})
 * @param gap readings further apart than this are a gap: their energy is allocated evenly over it
 *     and the hours are marked as estimated
 * @param maxPowerKw the most a meter can plausibly deliver, kW: a counter that rises faster is a
 *     jump, excluded
 */
public record EnergySettings(
    Duration rollupInterval, Duration lookback, Duration gap, double maxPowerKw) {
  public static final String ROLLUP_INTERVAL_KEY = "setpoint.analytics.energy.rollup-interval";
  public static final String LOOKBACK_KEY = "setpoint.analytics.energy.lookback";
  public static final String GAP_KEY = "setpoint.analytics.energy.gap";
  public static final String MAX_POWER_KEY = "setpoint.analytics.energy.max-power-kw";

  /** How far the first roll-up after a start reads back, so a restart's downtime is caught up. */
  public static final Duration STARTUP_LOOKBACK = Duration.ofHours(48);

  /** Each roll-up reads the raw counters of its whole lookback, so it is bounded. */
  public static final Duration MAX_LOOKBACK = Duration.ofDays(31);

  public EnergySettings {
    require(rollupInterval, ROLLUP_INTERVAL_KEY);
    require(lookback, LOOKBACK_KEY);
    require(gap, GAP_KEY);
    if (rollupInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          ROLLUP_INTERVAL_KEY + " must be at least PT1S, not " + rollupInterval);
    }
    if (lookback.compareTo(Duration.ofHours(1)) < 0 || lookback.compareTo(MAX_LOOKBACK) > 0) {
      throw new IllegalArgumentException(
          LOOKBACK_KEY + " must be between PT1H and " + MAX_LOOKBACK + ", not " + lookback);
    }
    if (gap.isNegative() || gap.isZero() || gap.compareTo(lookback) >= 0) {
      throw new IllegalArgumentException(
          GAP_KEY
              + " must be positive and shorter than "
              + LOOKBACK_KEY
              + " ("
              + lookback
              + "), not "
              + gap);
    }
    if (!(maxPowerKw > 0) || Double.isInfinite(maxPowerKw)) {
      throw new IllegalArgumentException(
          MAX_POWER_KEY + " must be a positive number of kW, not " + maxPowerKw);
    }
  }

  /** The lookback of the first roll-up after a start. */
  public Duration startupLookback() {
    return lookback.compareTo(STARTUP_LOOKBACK) > 0 ? lookback : STARTUP_LOOKBACK;
  }

  private static void require(Duration value, String key) {
    if (value == null) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration, e.g. PT10M");
    }
  }
}
