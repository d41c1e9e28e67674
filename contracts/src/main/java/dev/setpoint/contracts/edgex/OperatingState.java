package dev.setpoint.contracts.edgex;

/** Whether a device is reachable, as last reported by its device service. */
public enum OperatingState {
  /** Reachable. */
  UP,
  /** Not reachable. */
  DOWN,
  /** Not known yet. */
  UNKNOWN
}
