package dev.setpoint.analytics.domain;

/**
 * What a decision was made from, recorded with it: the newest sample of the room's window.
 *
 * @param inletC the room's hottest inlet, °C; NaN when the window was empty
 * @param outdoorC the outdoor temperature, °C; NaN when none was known
 * @param outdoorSource where that came from: {@value #REPORTED} (the telemetry's weather), {@value
 *     #HELD} (the last known value, during a weather-feed outage up to the outdoor hold), {@value
 *     #CLIMATOLOGY} (the room's usual value at that hour, past the hold) or {@value #NONE}
 * @param sensors how many of the room's sensors the inlet was the hottest of
 */
public record DecisionInputs(double inletC, double outdoorC, String outdoorSource, int sensors) {
  public static final String REPORTED = "reported";
  public static final String HELD = "held";
  public static final String CLIMATOLOGY = "climatology";
  public static final String NONE = "none";

  /** The inputs of a decision made without any sample. */
  public static final DecisionInputs EMPTY = new DecisionInputs(Double.NaN, Double.NaN, NONE, 0);
}
