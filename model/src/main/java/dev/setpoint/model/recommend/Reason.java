package dev.setpoint.model.recommend;

/** Why a {@link SetpointPolicy} recommended what it did; {@link #code()} is what is stored. */
public enum Reason {
  /**
   * Among the candidates predicted to stay at or below the limit minus the margin, the one of least
   * predicted power (the highest, from a model without a power head).
   */
  MODEL("model"),
  /** That candidate was further from the current setpoint than one decision may move. */
  STEP_LIMITED("step_limited"),
  /**
   * The setpoint changed less than the minimum dwell ago and keeping it is predicted safe: it is
   * kept, so the unit is not moved every few minutes.
   */
  DWELL("dwell"),
  /** No candidate is predicted safe: the lowest candidate, at once. */
  NO_SAFE_CANDIDATE("no_safe_candidate"),
  /** Fewer than six samples, or a gap in them: the fallback setpoint. */
  WINDOW_INCOMPLETE("window_incomplete"),
  /** The newest sample is too old: the fallback setpoint. */
  WINDOW_STALE("window_stale"),
  /** No model, an error, or a prediction that is not a number: the fallback setpoint. */
  PREDICTION_MISSING("prediction_missing"),
  /**
   * A sample lies outside the temperatures the model was trained on: the current setpoint is held
   * (or, if the inlet already exceeds the threshold, walked toward the fallback setpoint).
   */
  OUT_OF_RANGE("out_of_range"),
  /**
   * The policy's setpoint would have changed the room's setpoint faster than its {@link
   * ChangeRateLimit} allows (20 °C within an hour, 5 °C where tape is held): as far toward it as
   * the limit allows. Applied by the caller after the policy.
   */
  RATE_LIMITED("rate_limited"),
  /**
   * The room's pilot runs its fixed-setpoint arm: the room's own fixed setpoint is commanded, not
   * the model's (measurement and verification compares the two arms). Applied by the caller in
   * place of the policy; the rate limit still applies to reaching it.
   */
  PILOT_FIXED("pilot_fixed");

  private final String code;

  Reason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether the decision ignored the model (a fallback). */
  public boolean isFallback() {
    return this == WINDOW_INCOMPLETE
        || this == WINDOW_STALE
        || this == PREDICTION_MISSING
        || this == OUT_OF_RANGE;
  }
}
