package dev.setpoint.device;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceLabels;
import dev.setpoint.contracts.edgex.OperatingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one EdgeX device an agent speaks for. Its {@link Role} chooses the profile: a {@code
 * room-controller}'s {@code climate} events carry the room's {@code temperature} and {@code
 * humidity} and the {@code setpoint} the agent holds (the relay forwards that as the message's
 * current setpoint), and its {@code setpoint} resource is what Core Command serves as the command
 * to apply; a {@code room-sensor} (one more inlet sensor of a room, e.g. a rack's) reports {@code
 * temperature} and {@code humidity} only and takes no commands. Its labels place it at its site and
 * in its room ({@code site:<site>}, {@code room:<room>}, each only when set), so analytics decides
 * for the room from all its sensors and commands its controller.
 *
 * @param site the site, or empty for none
 * @param room the room, or empty for none (analytics then takes the device as a room of its own)
 */
public record DeviceIdentity(String name, String service, String site, String room, Role role) {
  public static final String SOURCE = "climate";
  public static final String SETPOINT = "setpoint";

  /** What the device is to its room, and so its seeded profile. */
  public enum Role {
    /** Senses the room and applies its setpoint: profile {@code room-controller}. */
    CONTROLLER("room-controller", "room controller"),
    /** Senses only: profile {@code room-sensor}, no actuator, no Core Command read. */
    SENSOR("room-sensor", "room sensor");

    private final String profile;
    private final String description;

    Role(String profile, String description) {
      this.profile = profile;
      this.description = description;
    }

    public String profile() {
      return profile;
    }
  }

  public DeviceIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    site = site == null ? "" : site;
    room = room == null ? "" : room;
  }

  /** A room's controller (profile {@code room-controller}). */
  public static DeviceIdentity controller(String name, String service, String site, String room) {
    return new DeviceIdentity(name, service, site, room, Role.CONTROLLER);
  }

  /** One more inlet sensor of a room (profile {@code room-sensor}). */
  public static DeviceIdentity sensor(String name, String service, String site, String room) {
    return new DeviceIdentity(name, service, site, room, Role.SENSOR);
  }

  /** The EdgeX profile of its events and registration. */
  public String profile() {
    return role.profile();
  }

  /** Whether it reads and applies a commanded setpoint (and reports it). */
  public boolean controls() {
    return role == Role.CONTROLLER;
  }

  /** Its Core Metadata labels: {@code site:<site>} and {@code room:<room>}, each when set. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(2);
    if (!site.isEmpty()) {
      labels.add(DeviceLabels.SITE_PREFIX + site);
    }
    if (!room.isEmpty()) {
      labels.add(DeviceLabels.ROOM_PREFIX + room);
    }
    return List.copyOf(labels);
  }

  /** The Core Metadata record to register. */
  public Device device(String host, String sensorKind) {
    return new Device(
        null,
        name,
        role.description + " (" + sensorKind + ")",
        AdminState.UNLOCKED,
        OperatingState.UP,
        service,
        profile(),
        labels(),
        null,
        Map.of("setpoint-agent", Map.of("host", host, "sensor", sensorKind)),
        null);
  }
}
