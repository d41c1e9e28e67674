package dev.setpoint.device;

import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.sensor.Sensor;
import java.util.Optional;

/**
 * What one device of a room is made of before its agent runs: who it is, what it senses with, what
 * it drives (a controller's actuator; none for a sensor-only device), and the Core Metadata record
 * it registers with.
 */
record Room(DeviceIdentity id, Sensor sensor, Optional<Actuator> actuator, Device registration) {}
