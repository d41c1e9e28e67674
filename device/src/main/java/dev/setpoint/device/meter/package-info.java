/**
 * The energy meter behind the {@link dev.setpoint.device.meter.Meter} port: the cooling unit's
 * active power and energy counter (and, where wired, the IT load's power) read over Modbus TCP or
 * Modbus RTU with j2mod ({@link dev.setpoint.device.meter.ModbusMeter}), through a register map
 * that is data ({@link dev.setpoint.device.meter.RegisterMap}: built-in {@link
 * dev.setpoint.device.meter.Preset}s, each field overridable by a {@code meter.*} key of {@link
 * dev.setpoint.device.meter.MeterKey}). A reading either passes the plausibility checks or fails
 * with a {@link dev.setpoint.device.meter.MeterException} that says why.
 */
package dev.setpoint.device.meter;
