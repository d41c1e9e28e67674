package dev.setpoint.model.sim;

/**
 * A fault of one rack's inlet sensor, set on a {@link RoomSimulator} for a stress scenario.
 *
 * @param kind what the sensor does
 * @param driftKPerHour for {@link Kind#DRIFT}, how fast its reading walks away from the truth, K/h
 */
public record SensorFault(Kind kind, double driftKPerHour) {
  public enum Kind {
    /** The reading freezes at its value when the fault began. */
    STUCK,
    /** The reading drifts away from the truth at a constant rate. */
    DRIFT,
    /** No reading (NaN). */
    MISSING
  }

  public static SensorFault stuck() {
    return new SensorFault(Kind.STUCK, 0);
  }

  public static SensorFault drift(double kPerHour) {
    return new SensorFault(Kind.DRIFT, kPerHour);
  }

  public static SensorFault missing() {
    return new SensorFault(Kind.MISSING, 0);
  }
}
