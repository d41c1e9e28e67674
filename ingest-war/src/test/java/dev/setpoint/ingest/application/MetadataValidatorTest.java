package dev.setpoint.ingest.application;

import static dev.setpoint.ingest.application.Profiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import dev.setpoint.contracts.edgex.UpdateDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataValidatorTest {
  private final MetadataValidator validator = new MetadataValidator();

  private static DeviceProfile withResources(DeviceResource... resources) {
    return new DeviceProfile(null, "p", null, null, null, null, List.of(resources), null);
  }

  private static DeviceProfile withCommand(DeviceCommand command) {
    DeviceProfile ac = Profiles.airConditioner();
    return new DeviceProfile(
        null, "p", null, null, null, null, ac.deviceResources(), List.of(command));
  }

  private String profileFault(DeviceProfile profile) {
    return assertThrows(InvalidMetadataException.class, () -> validator.profile(profile, "profile"))
        .getMessage();
  }

  private String deviceFault(Device device) {
    return assertThrows(InvalidMetadataException.class, () -> validator.device(device, "device"))
        .getMessage();
  }

  @Test
  void acceptsTheShippedProfilesAndNormalisesThem() {
    DeviceProfile checked = validator.profile(Profiles.roomSensor(), "profile");
    assertEquals(2, checked.deviceResources().size());
    assertEquals("climate", checked.deviceCommands().get(0).name());
    DeviceProfile lower =
        validator.profile(
            withResources(resource("t", "float64", ReadWrite.R, null, null, null)), "profile");
    assertEquals("Float64", lower.deviceResources().get(0).properties().valueType());
    assertEquals(List.of(), lower.deviceCommands());
    assertEquals(List.of(), lower.labels());
    validator.profile(Profiles.airConditioner(), "profile");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a/b", "a?b", "ä", "a:b", "a%20", " "})
  void refusesNamesWithReservedCharacters(String name) {
    DeviceProfile profile =
        new DeviceProfile(
            null, name, null, null, null, null, Profiles.roomSensor().deviceResources(), null);
    String message = profileFault(profile);
    assertEquals(
        name.isBlank()
            ? "profile.name is required"
            : "profile.name '"
                + name
                + "' may hold only letters, digits and - _ . ~ (at most 128 characters)",
        message);
  }

  @Test
  void refusesAMissingOrTooLongName() {
    DeviceProfile noName =
        new DeviceProfile(
            null, null, null, null, null, null, Profiles.roomSensor().deviceResources(), null);
    assertEquals("profile.name is required", profileFault(noName));
    DeviceProfile longName =
        new DeviceProfile(
            null,
            "x".repeat(129),
            null,
            null,
            null,
            null,
            Profiles.roomSensor().deviceResources(),
            null);
    assertEquals(
        "profile.name '"
            + "x".repeat(129)
            + "' may hold only letters, digits and - _ . ~ (at most 128 characters)",
        profileFault(longName));
  }

  @Test
  void refusesAProfileWithoutResourcesOrAnIdThatIsNoUuid() {
    assertEquals(
        "profile.deviceResources must hold at least one resource",
        profileFault(new DeviceProfile(null, "p", null, null, null, null, List.of(), null)));
    assertEquals(
        "profile.id 'abc' is not a UUID",
        profileFault(
            new DeviceProfile(
                "abc",
                "p",
                null,
                null,
                null,
                null,
                Profiles.roomSensor().deviceResources(),
                null)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Complex|R||||profile.deviceResources[0].properties.valueType 'Complex' is not supported;"
            + " use one of Bool, String, Uint8, Uint16, Uint32, Uint64, Int8, Int16, Int32, Int64,"
            + " Float32, Float64",
        "Float64Array|R||||profile.deviceResources[0].properties.valueType 'Float64Array' is not"
            + " supported; use one of Bool, String, Uint8, Uint16, Uint32, Uint64, Int8, Int16,"
            + " Int32, Int64, Float32, Float64",
        "|R||||profile.deviceResources[0].properties.valueType is required",
        "Float64|||||profile.deviceResources[0].properties.readWrite is required (R, W or RW)",
        "Float64|R|10|5||profile.deviceResources[0].properties.minimum 10.0 is greater than"
            + " maximum 5.0",
        "Float64|R|0|10|11|profile.deviceResources[0].properties.defaultValue '11' lies outside"
            + " [0.0, 10.0]",
        "Float64|R|0|10|-0.5|profile.deviceResources[0].properties.defaultValue '-0.5' lies"
            + " outside [0.0, 10.0]",
        "Float64|R|||NaN|profile.deviceResources[0].properties.defaultValue 'NaN' is not a valid"
            + " Float64",
        "Int8|R|||200|profile.deviceResources[0].properties.defaultValue '200' is not a valid Int8",
        "Bool|R|||yes|profile.deviceResources[0].properties.defaultValue 'yes' is not a valid Bool",
        "Bool|R|0|||profile.deviceResources[0].properties.minimum and maximum apply to numeric"
            + " value types only, not Bool",
        "String|R||1||profile.deviceResources[0].properties.minimum and maximum apply to numeric"
            + " value types only, not String",
        "Uint8|R|-1|||profile.deviceResources[0].properties.minimum -1 lies outside what a Uint8"
            + " can hold",
        "Int8|R||1000||profile.deviceResources[0].properties.maximum 1000 lies outside what a Int8"
            + " can hold",
      })
  void refusesBadResourceProperties(
      String type, String rw, Double min, Double max, String defaultValue, String expected) {
    ReadWrite readWrite = rw == null ? null : ReadWrite.valueOf(rw);
    assertEquals(
        expected,
        profileFault(withResources(resource("t", type, readWrite, min, max, defaultValue))));
  }

  @Test
  void refusesInfiniteBounds() {
    assertEquals(
        "profile.deviceResources[0].properties.maximum must be a finite number",
        profileFault(
            withResources(
                resource("t", "Float64", ReadWrite.R, 0.0, Double.POSITIVE_INFINITY, null))));
    assertEquals(
        "profile.deviceResources[0].properties.minimum must be a finite number",
        profileFault(withResources(resource("t", "Float64", ReadWrite.R, Double.NaN, null, null))));
  }

  @Test
  void acceptsADefaultOnTheBoundsAndDropsAnEmptyOne() {
    DeviceProfile checked =
        validator.profile(
            withResources(
                resource("a", "Float64", ReadWrite.RW, 18.0, 27.0, "27"),
                resource("b", "Int32", ReadWrite.R, -5.0, 5.0, "")),
            "profile");
    assertEquals("27", checked.deviceResources().get(0).properties().defaultValue());
    assertNull(checked.deviceResources().get(1).properties().defaultValue());
  }

  @Test
  void refusesDuplicateAndReservedResourceNamesAndMissingProperties() {
    assertEquals(
        "profile.deviceResources[1].name 't' appears twice",
        profileFault(
            withResources(
                resource("t", "Float64", ReadWrite.R, null, null, null),
                resource("t", "Int8", ReadWrite.R, null, null, null))));
    assertEquals(
        "profile.deviceResources[0].name 'time' is reserved for a numeric resource; use another"
            + " resource name",
        profileFault(withResources(resource("time", "Float64", ReadWrite.R, null, null, null))));
    assertEquals(
        "profile.deviceResources[0].properties is required",
        profileFault(withResources(new DeviceResource("t", null, false, null))));
    List<DeviceResource> withNull = new ArrayList<>();
    withNull.add(null);
    assertEquals(
        "profile.deviceResources[0] is null",
        profileFault(new DeviceProfile(null, "p", null, null, null, null, withNull, null)));
  }

  @Test
  void checksCommandsAgainstTheirResources() {
    assertEquals(
        "profile.deviceCommands[0].resourceOperations[0].deviceResource 'nope' is not a resource"
            + " of this profile",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "c", false, ReadWrite.R, List.of(new ResourceOperation("nope", null))))));
    assertEquals(
        "profile.deviceCommands[0].resourceOperations[0].deviceResource 'mode' is read-only; the"
            + " command writes it",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "c", false, ReadWrite.RW, List.of(new ResourceOperation("mode", null))))));
    assertEquals(
        "profile.deviceCommands[0].resourceOperations[0].deviceResource 'fan' is write-only; the"
            + " command reads it",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "c", false, ReadWrite.R, List.of(new ResourceOperation("fan", null))))));
    assertEquals(
        "profile.deviceCommands[0].resourceOperations must hold at least one resource operation",
        profileFault(withCommand(new DeviceCommand("c", false, ReadWrite.R, List.of()))));
    assertEquals(
        "profile.deviceCommands[0].readWrite is required (R, W or RW)",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "c", false, null, List.of(new ResourceOperation("mode", null))))));
    assertEquals(
        "profile.deviceCommands[0].resourceOperations[0].defaultValue '30' lies outside [18.0,"
            + " 27.0]",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "c", false, ReadWrite.W, List.of(new ResourceOperation("setpoint", "30"))))));
    assertEquals(
        "profile.deviceCommands[0].resourceOperations[1].deviceResource 'mode' appears twice in"
            + " the command",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "c",
                    false,
                    ReadWrite.R,
                    List.of(
                        new ResourceOperation("mode", null),
                        new ResourceOperation("mode", null))))));
    assertEquals(
        "profile.deviceCommands[0].name 'mode' is also a device resource; Core Command could not"
            + " tell them apart",
        profileFault(
            withCommand(
                new DeviceCommand(
                    "mode", false, ReadWrite.R, List.of(new ResourceOperation("mode", null))))));
  }

  @Test
  void checksDeviceServices() {
    assertEquals(
        "http://agent:59999",
        validator.deviceService(Profiles.service("agent"), "service").baseAddress());
    assertEquals(
        "service.adminState is required (LOCKED or UNLOCKED)",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    validator.deviceService(
                        new DeviceService(null, "s", null, null, null, null), "service"))
            .getMessage());
    for (String address : List.of("ftp://x", "not a uri", "http://", "agent:80")) {
      assertEquals(
          "service.baseAddress '" + address + "' is not an http or https address with a host",
          assertThrows(
                  InvalidMetadataException.class,
                  () ->
                      validator.deviceService(
                          new DeviceService(null, "s", null, address, AdminState.LOCKED, null),
                          "service"))
              .getMessage());
    }
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
        validator.device(Profiles.device("d", "room-sensor", AdminState.LOCKED), "device");
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
    validator.device(
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
    validator.device(
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
    validator.deviceFitsProfile(device, Profiles.roomSensor(), "device");
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
                () -> validator.deviceFitsProfile(wrong, Profiles.roomSensor(), "device"))
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
                    validator.update(
                        new UpdateDevice("d", null, null, null, null, null), "[0].device"))
            .getMessage());
    assertEquals(
        "[0].device.name is required",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    validator.update(
                        new UpdateDevice(null, null, AdminState.LOCKED, null, null, null),
                        "[0].device"))
            .getMessage());
    assertEquals(
        "[0].device.labels[0] is blank",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    validator.update(
                        new UpdateDevice("d", null, null, null, List.of(" "), null), "[0].device"))
            .getMessage());
  }
}
