package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.OperatingState;
import dev.setpoint.contracts.edgex.UpdateDevice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceRulesTest {
  private String deviceFault(Device device) {
    return assertThrows(InvalidMetadataException.class, () -> DeviceRules.check(device, "device"))
        .getMessage();
  }

  private static Device device(
      AdminState admin,
      OperatingState op,
      String service,
      String profile,
      Map<String, Map<String, String>> protocols,
      List<AutoEvent> autoEvents) {
    return new Device(
        null, "d", null, admin, op, service, profile, null, null, protocols, autoEvents);
  }

  @Test
  void checksDevices() {
    Map<String, Map<String, String>> http = Map.of("http", Map.of("host", "h"));
    Device valid =
        DeviceRules.check(Profiles.device("d", "room-sensor", AdminState.LOCKED), "device");
    assertEquals(List.of(), valid.labels());
    assertEquals(
        "device.adminState is required (LOCKED or UNLOCKED)",
        deviceFault(device(null, OperatingState.UP, "s", "p", http, null)));
    assertEquals(
        "device.operatingState is required (UP, DOWN or UNKNOWN)",
        deviceFault(device(AdminState.LOCKED, null, "s", "p", http, null)));
    assertEquals(
        "device.serviceName is required",
        deviceFault(device(AdminState.LOCKED, OperatingState.UP, null, "p", http, null)));
    assertEquals(
        "device.profileName 'a/b' may hold only letters, digits and - _ . ~ (at most 128"
            + " characters)",
        deviceFault(device(AdminState.LOCKED, OperatingState.UP, "s", "a/b", http, null)));
    assertEquals(
        "device.protocols must hold at least one protocol",
        deviceFault(device(AdminState.LOCKED, OperatingState.UP, "s", "p", Map.of(), null)));
    assertEquals(
        "device.protocols must hold at least one protocol",
        deviceFault(device(AdminState.LOCKED, OperatingState.UP, "s", "p", null, null)));
    // an empty property map is fine: EdgeX's REST devices have {"other":{}}
    DeviceRules.check(
        device(AdminState.LOCKED, OperatingState.UP, "s", "p", Map.of("other", Map.of()), null),
        "device");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "s", "0s", "-1s", "10 s", "1d", "", "0m0s"})
  void refusesAutoEventIntervalsThatAreNotPositiveGoDurations(String interval) {
    Device device =
        device(
            AdminState.UNLOCKED,
            OperatingState.UP,
            "s",
            "p",
            Map.of("http", Map.of()),
            List.of(new AutoEvent(interval, false, "climate")));
    String expected =
        interval.isEmpty()
            ? "device.autoEvents[0].interval is required, e.g. 10s"
            : "device.autoEvents[0].interval '"
                + interval
                + "' is not a positive duration such as 10s or 1m30s";
    assertEquals(expected, deviceFault(device));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10s", "1m30s", "500ms", "1h", "0.5s", "250us"})
  void acceptsGoDurations(String interval) {
    DeviceRules.check(
        device(
            AdminState.UNLOCKED,
            OperatingState.UP,
            "s",
            "p",
            Map.of("http", Map.of()),
            List.of(new AutoEvent(interval, false, "climate"))),
        "device");
  }

  @Test
  void autoEventsMustReadASourceOfTheProfile() {
    Device device = Profiles.device("d", "room-sensor", AdminState.UNLOCKED);
    DeviceRules.fitsProfile(device, Profiles.roomSensor(), "device");
    Device wrong =
        new Device(
            null,
            "d",
            null,
            AdminState.UNLOCKED,
            OperatingState.UP,
            "agent",
            "room-sensor",
            null,
            null,
            Map.of("http", Map.of()),
            List.of(new AutoEvent("10s", false, "setpoint")));
    assertEquals(
        "device.autoEvents[0].sourceName 'setpoint' is neither a resource nor a command of profile"
            + " 'room-sensor'",
        assertThrows(
                InvalidMetadataException.class,
                () -> DeviceRules.fitsProfile(wrong, Profiles.roomSensor(), "device"))
            .getMessage());
  }

  @Test
  void anUpdateNeedsANameAndSomethingToChange() {
    assertEquals(
        "[0].device changes nothing; give adminState, operatingState, description, labels or"
            + " location",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceRules.update(
                        new UpdateDevice("d", null, null, null, null, null), "[0].device"))
            .getMessage());
    assertEquals(
        "[0].device.name is required",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceRules.update(
                        new UpdateDevice(null, null, AdminState.LOCKED, null, null, null),
                        "[0].device"))
            .getMessage());
    assertEquals(
        "[0].device.labels[0] is blank",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceRules.update(
                        new UpdateDevice("d", null, null, null, List.of(" "), null), "[0].device"))
            .getMessage());
  }

  @Test
  void aRoomLabelNamesOneRoomLikeAnEdgeXName() {
    assertEquals(
        List.of("site:gwangju", "room:hall-a", "room:hall-a"),
        DeviceRules.update(
                new UpdateDevice(
                    "d",
                    null,
                    null,
                    null,
                    List.of("site:gwangju", "room:hall-a", "room:hall-a"),
                    null),
                "[0].device")
            .labels());
    assertEquals(
        "[0].device.labels[1]'s room name 'hall/a' may hold only letters, digits and - _ . ~ (at"
            + " most 128 characters)",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceRules.update(
                        new UpdateDevice("d", null, null, null, List.of("x", "room:hall/a"), null),
                        "[0].device"))
            .getMessage());
    assertEquals(
        "[0].device.labels[0]'s room name is required",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceRules.update(
                        new UpdateDevice("d", null, null, null, List.of("room:"), null),
                        "[0].device"))
            .getMessage());
    assertEquals(
        "[0].device.labels names two rooms, 'a' and 'b': a device is in one",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    DeviceRules.update(
                        new UpdateDevice("d", null, null, null, List.of("room:a", "room:b"), null),
                        "[0].device"))
            .getMessage());
  }
}
