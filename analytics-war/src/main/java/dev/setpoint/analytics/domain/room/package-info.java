/**
 * Rooms: a room has one or more inlet sensors and one controllable cooling setpoint; the
 * recommender decides per room, in the mode an operator set for it.
 */
package dev.setpoint.analytics.domain.room;
