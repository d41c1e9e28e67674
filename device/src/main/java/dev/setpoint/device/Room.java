package dev.setpoint.device;

import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.device.actuator.Actuator;
import dev.setpoint.device.meter.Meter;
import dev.setpoint.device.sensor.Sensor;
import java.util.Optional;

/**
 * What one device of a room is made of before its agent runs: who it is, what it senses with, what
 * it drives (a controller's actuator; none for a sensor-only device), what meters its room's energy
 * (a controller's, where it has a meter), and the Core Metadata record it registers with.
 *
 * @param meter the room's energy meter: a simulated room's controller always has one, a real
 *     controller when {@code meter} is set, a sensor-only device never
 */
record Room(
    DeviceIdentity id,
    Sensor sensor,
    Optional<Actuator> actuator,
    Optional<Meter> meter,
    Device registration) {}
