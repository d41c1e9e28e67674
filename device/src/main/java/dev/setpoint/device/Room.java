package dev.setpoint.device;

import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.sensor.Sensor;

/**
 * What one device is made of before its agent runs: who it is, what it senses with, what it drives,
 * and the Core Metadata record it registers with.
 */
record Room(DeviceIdentity id, Sensor sensor, Actuator actuator, Device registration) {}
