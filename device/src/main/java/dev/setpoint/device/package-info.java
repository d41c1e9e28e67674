/**
 * Setpoint's device agent: {@link dev.setpoint.device.Main} reads the settings once into a {@link
 * dev.setpoint.device.config.AgentConfig}, and {@link dev.setpoint.device.Agents} wires one {@link
 * dev.setpoint.device.DeviceAgent} per device (a real room's controller or one more sensor of its
 * room, or a simulated fleet's controllers and their rack sensors) from it through small factories,
 * each given its part of the configuration: rooms (sensor, actuator, simulated rooms on one Pi4J
 * context), registration, delivery (journal and outbox) and the agents themselves.
 */
package dev.setpoint.device;
