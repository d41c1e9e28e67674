package dev.setpoint.device;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.OperatingState;
import java.util.List;
import java.util.Map;

/**
 * The two EdgeX devices one agent speaks for, both of the seeded profiles: the room sensor (profile
 * {@code room-sensor}, source {@code climate}: temperature and humidity) and the air conditioner it
 * drives (profile {@code air-conditioner}: its {@code setpoint} is what Core Command serves, and
 * its {@code status} events carry the setpoint applied and the unit's {@code mode}).
 */
public record DeviceIdentity(String sensor, String airConditioner, String service, String site) {
  public static final String SENSOR_PROFILE = "room-sensor";
  public static final String SENSOR_SOURCE = "climate";
  public static final String AC_PROFILE = "air-conditioner";
  public static final String AC_STATUS_SOURCE = "status";
  public static final String AC_SETPOINT = "setpoint";

  /** The Core Metadata records to register, sensor first. */
  public List<Device> devices(String host, String sensorKind) {
    Map<String, Map<String, String>> protocols =
        Map.of("setpoint-agent", Map.of("host", host, "sensor", sensorKind));
    List<String> labels = site == null || site.isEmpty() ? List.of() : List.of("site:" + site);
    return List.of(
        device(sensor, SENSOR_PROFILE, "room sensor (" + sensorKind + ")", labels, protocols),
        device(
            airConditioner, AC_PROFILE, "air conditioner driven by " + sensor, labels, protocols));
  }

  private Device device(
      String name,
      String profile,
      String description,
      List<String> labels,
      Map<String, Map<String, String>> protocols) {
    return new Device(
        null,
        name,
        description,
        AdminState.UNLOCKED,
        OperatingState.UP,
        service,
        profile,
        labels,
        null,
        protocols,
        null);
  }
}
