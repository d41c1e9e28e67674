package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.OperatingState;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import java.util.List;
import java.util.Map;

/** Test records shaped like the shipped profiles. */
final class Profiles {
  private Profiles() {}

  static DeviceResource resource(
      String name, String type, ReadWrite rw, Double min, Double max, String defaultValue) {
    return new DeviceResource(
        name, null, false, new ResourceProperties(type, rw, "u", min, max, defaultValue));
  }

  static DeviceProfile roomSensor() {
    return new DeviceProfile(
        null,
        "room-sensor",
        "Setpoint",
        "rs-1",
        null,
        List.of("sensor"),
        List.of(
            resource("temperature", "Float64", ReadWrite.R, -40.0, 85.0, null),
            resource("humidity", "Float64", ReadWrite.R, 0.0, 100.0, null)),
        List.of(
            new DeviceCommand(
                "climate",
                false,
                ReadWrite.R,
                List.of(
                    new ResourceOperation("temperature", null),
                    new ResourceOperation("humidity", null)))));
  }

  static DeviceProfile airConditioner() {
    return new DeviceProfile(
        null,
        "air-conditioner",
        null,
        null,
        null,
        null,
        List.of(
            resource("setpoint", "Float64", ReadWrite.RW, 18.0, 27.0, "24"),
            resource("mode", "String", ReadWrite.R, null, null, null),
            resource("fan", "Uint8", ReadWrite.W, 0.0, 3.0, null)),
        List.of(
            new DeviceCommand(
                "status",
                false,
                ReadWrite.R,
                List.of(
                    new ResourceOperation("setpoint", null),
                    new ResourceOperation("mode", null)))));
  }

  static DeviceService service(String name) {
    return new DeviceService(null, name, null, "http://agent:59999", AdminState.UNLOCKED, null);
  }

  static Device device(String name, String profile, AdminState adminState) {
    return new Device(
        null,
        name,
        null,
        adminState,
        OperatingState.UP,
        "agent",
        profile,
        List.of(),
        null,
        Map.of("http", Map.of("host", "10.0.0.7")),
        List.of(
            new AutoEvent("10s", false, profile.equals("room-sensor") ? "climate" : "setpoint")));
  }
}
