package dev.setpoint.device;

import dev.setpoint.device.actuator.SetpointGuard;
import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.config.SetpointConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.TokenStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * One room's agent: the command it reads through Core Command passes its {@link SetpointGuard} (the
 * safe range, the initial setpoint), its events go through its own outbox, every interval.
 */
record DeviceAgentFactory(
    SetpointConfig setpoint,
    Duration interval,
    IngestClient ingest,
    TokenStore tokens,
    DeliveryFactory deliveries,
    Clock clock) {
  DeviceAgent create(Room room) throws IOException {
    String name = room.id().name();
    Outbox outbox = deliveries.outbox(name);
    // The guard applies the initial setpoint to the actuator: only once the journal is open.
    SetpointGuard guard =
        new SetpointGuard(name, setpoint.range(), room.actuator(), setpoint.initial());
    return new DeviceAgent(
        room.id(), room.sensor(), room.actuator(), guard, outbox, ingest, tokens, clock, interval);
  }
}
