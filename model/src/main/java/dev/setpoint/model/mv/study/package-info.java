/**
 * The savings accuracy study behind docs/savings.md: the {@code mv} methods run on the simulator,
 * where the true saving is known from a twin room (same seed, weather and load, under the baseline
 * setpoint). Depends on the simulator and the closed loop, unlike {@code dev.setpoint.model.mv}.
 */
package dev.setpoint.model.mv.study;
