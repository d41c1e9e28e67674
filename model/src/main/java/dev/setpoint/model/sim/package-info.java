/**
 * The server-room simulator: a generated year of outdoor weather ({@link
 * dev.setpoint.model.sim.WeatherGenerator}) around a room with IT load, envelope, humidity and one
 * air conditioner ({@link dev.setpoint.model.sim.RoomSimulator}). Used by the device agent's
 * simulated room and by the offline evaluation; no dependencies.
 */
package dev.setpoint.model.sim;
