/**
 * Applying setpoints: the {@link dev.setpoint.device.actuator.Actuator} port (a Pi4J relay
 * thermostat, a log line, a simulated air conditioner) behind the {@link
 * dev.setpoint.device.actuator.SetpointGuard}, which refuses anything outside the safe range.
 */
package dev.setpoint.device.actuator;
