package dev.setpoint.analytics.domain.room;

import java.time.Instant;

/**
 * A room's control mode as an operator last set it, as stored in analytics' own store.
 *
 * @param room the room ({@code room:<name>} label, or the device name of a device without one)
 * @param mode its mode
 * @param changedBy the operator who set it (the JWT's subject)
 * @param changedAt when
 */
public record RoomControl(String room, ControlMode mode, String changedBy, Instant changedAt) {}
