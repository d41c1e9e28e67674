package dev.setpoint.analytics.domain.history;

import java.time.Duration;

/**
 * Which of the store's copies of the climate series a read comes from: the raw points as devices
 * reported them (kept for the raw retention, 30 days by default), or the 1-minute or 1-hour
 * roll-ups (means, minima and maxima per bucket, kept for the roll-up retention, 2 years by
 * default).
 */
public enum Resolution {
  RAW("raw", Duration.ZERO),
  MINUTE("1m", Duration.ofMinutes(1)),
  HOUR("1h", Duration.ofHours(1));

  private final String code;
  private final Duration step;

  Resolution(String code, Duration step) {
    this.code = code;
    this.step = step;
  }

  /** As the API and the CSV export name it: {@code raw}, {@code 1m}, {@code 1h}. */
  public String code() {
    return code;
  }

  /** The width of one stored bucket; zero for raw points. */
  public Duration step() {
    return step;
  }
}
