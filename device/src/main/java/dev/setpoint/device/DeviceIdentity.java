package dev.setpoint.device;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.OperatingState;
import java.util.List;
import java.util.Map;

/**
 * The one EdgeX device an agent speaks for, of ingest's seeded profile {@code room-controller}: its
 * {@code climate} events carry the room's {@code temperature} and {@code humidity} and the {@code
 * setpoint} the agent holds (the relay forwards that as the message's current setpoint), and its
 * {@code setpoint} resource is what Core Command serves as the command to apply.
 */
public record DeviceIdentity(String name, String service, String site) {
  public static final String PROFILE = "room-controller";
  public static final String SOURCE = "climate";
  public static final String SETPOINT = "setpoint";

  /** The Core Metadata record to register. */
  public Device device(String host, String sensorKind) {
    List<String> labels = site == null || site.isEmpty() ? List.of() : List.of("site:" + site);
    return new Device(
        null,
        name,
        "room controller (" + sensorKind + ")",
        AdminState.UNLOCKED,
        OperatingState.UP,
        service,
        PROFILE,
        labels,
        null,
        Map.of("setpoint-agent", Map.of("host", host, "sensor", sensorKind)),
        null);
  }
}
