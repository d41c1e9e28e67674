/**
 * Setpoint's device agent: {@link dev.setpoint.device.Main} wires one {@link
 * dev.setpoint.device.DeviceAgent} per room (a real one, or a simulated fleet) from the settings.
 */
package dev.setpoint.device;
