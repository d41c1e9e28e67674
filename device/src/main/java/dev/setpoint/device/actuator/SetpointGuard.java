package dev.setpoint.device.actuator;

import java.util.logging.Logger;

/**
 * The only way a commanded setpoint reaches the {@link Actuator}: a value that is not a number or
 * lies outside the {@link SafeRange} is refused and the applied setpoint stays as it was.
 */
public final class SetpointGuard {
  private static final Logger LOG = Logger.getLogger(SetpointGuard.class.getName());

  /** What became of a command. */
  public enum Outcome {
    /** Applied now. */
    APPLIED,
    /** Already the applied setpoint; nothing done. */
    UNCHANGED,
    /** Outside the safe range or not a number; not applied. */
    REFUSED
  }

  private final String device;
  private final SafeRange range;
  private final Actuator actuator;
  private double applied;
  private String lastRefused;

  /**
   * Applies the initial setpoint at once.
   *
   * @param initial the setpoint until a command arrives; must lie in the range
   */
  public SetpointGuard(String device, SafeRange range, Actuator actuator, double initial) {
    if (!range.contains(initial)) {
      throw new IllegalArgumentException(
          "initial setpoint " + initial + " is outside the safe range " + range);
    }
    this.device = device;
    this.range = range;
    this.actuator = actuator;
    this.applied = initial;
    actuator.apply(initial);
  }

  /**
   * Applies a commanded value if it is a number inside the safe range.
   *
   * @param commanded the value as Core Command answered it, e.g. {@code "24.5"}
   */
  public synchronized Outcome offer(String commanded) {
    double value;
    try {
      value = Double.parseDouble(commanded.trim());
    } catch (NumberFormatException | NullPointerException e) {
      return refuse(commanded, "is not a number");
    }
    if (!Double.isFinite(value) || !range.contains(value)) {
      return refuse(commanded, "is outside the safe range " + range);
    }
    lastRefused = null;
    if (value == applied) {
      return Outcome.UNCHANGED;
    }
    actuator.apply(value);
    double before = applied;
    applied = value;
    LOG.info(() -> device + ": setpoint " + before + " -> " + value + " °C");
    return Outcome.APPLIED;
  }

  private Outcome refuse(String commanded, String why) {
    // Log a refused value once, not at every poll while the command stays.
    if (!String.valueOf(commanded).equals(lastRefused)) {
      LOG.warning(
          () -> device + ": refused setpoint '" + commanded + "': " + why + "; kept " + applied);
      lastRefused = String.valueOf(commanded);
    }
    return Outcome.REFUSED;
  }

  /** The setpoint in effect, °C. */
  public synchronized double applied() {
    return applied;
  }

  public SafeRange range() {
    return range;
  }
}
