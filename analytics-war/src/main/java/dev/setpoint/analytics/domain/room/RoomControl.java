package dev.setpoint.analytics.domain.room;

import java.time.Instant;

/**
 * A room's control as operators last set it, as stored in analytics' own store: its mode and
 * whether it holds tape. Each change stores the whole control, the other field carried over.
 *
 * @param room the room ({@code room:<name>} label, or the device name of a device without one)
 * @param mode its mode, or null when an operator set only its tape flag (it is then in the default
 *     mode)
 * @param holdingTape whether the room holds tape: its setpoint may change by at most the tape limit
 *     per hour (ASHRAE's 5 °C instead of 20 °C)
 * @param changedBy the operator who made the last change (the JWT's subject)
 * @param changedAt when
 */
public record RoomControl(
    String room, ControlMode mode, boolean holdingTape, String changedBy, Instant changedAt) {

  /** A room no operator set anything for: the default mode, no tape. */
  public static RoomControl unset(String room) {
    return new RoomControl(room, null, false, null, null);
  }

  /** This control with another mode, changed by {@code by} at {@code at}; the tape flag kept. */
  public RoomControl withMode(ControlMode newMode, String by, Instant at) {
    return new RoomControl(room, newMode, holdingTape, by, at);
  }

  /** This control with another tape flag, changed by {@code by} at {@code at}; the mode kept. */
  public RoomControl withHoldingTape(boolean tape, String by, Instant at) {
    return new RoomControl(room, mode, tape, by, at);
  }
}
