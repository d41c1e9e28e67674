package dev.setpoint.device;

import dev.setpoint.device.actuator.SetpointGuard;
import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.config.SetpointConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.TokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One device's agent: its events go through its own outbox, every interval; a controller's command,
 * read through Core Command, passes its {@link SetpointGuard} (the safe range, the initial
 * setpoint) to its actuator, its meter (if any) adds energy readings to its events, and a
 * sensor-only device has none of these.
 *
 * @param setpoint the safe range and initial setpoint; present whenever a device has an actuator
 */
record DeviceAgentFactory(
    Optional<SetpointConfig> setpoint,
    Duration interval,
    IngestClient ingest,
    TokenStore tokens,
    DeliveryFactory deliveries,
    Clock clock) {
  DeviceAgent create(Room room) throws IOException {
    String name = room.id().name();
    Outbox outbox = deliveries.outbox(name);
    // The guard applies the initial setpoint to the actuator: only once the journal is open.
    Optional<DeviceAgent.Control> control =
        room.actuator()
            .map(
                actuator -> {
                  SetpointConfig limits = setpoint.orElseThrow();
                  return new DeviceAgent.Control(
                      actuator,
                      new SetpointGuard(name, limits.range(), actuator, limits.initial()));
                });
    return new DeviceAgent(
        room.id(), room.sensor(), control, room.meter(), outbox, ingest, tokens, clock, interval);
  }
}
