package dev.setpoint.contracts.edgex;

/** Whether a device or device service accepts events and commands ({@code UNLOCKED}) or not. */
public enum AdminState {
  /** Refuses events and commands (EdgeX answers 423). */
  LOCKED,
  /** Works normally. */
  UNLOCKED
}
