/**
 * Simulated rooms for demos and load: the model module's room simulator behind the agent's {@link
 * dev.setpoint.device.sensor.Sensor}, {@link dev.setpoint.device.actuator.Actuator} and {@link
 * dev.setpoint.device.meter.Meter} ports.
 */
package dev.setpoint.device.sim;
