package dev.setpoint.ingest.application;

import static dev.setpoint.ingest.application.Profiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.ResourceOperation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRulesTest {
  private static DeviceProfile withResources(DeviceResource... resources) {
    return new DeviceProfile(null, "p", null, null, null, null, List.of(resources), null);
  }

  private static DeviceProfile withCommand(DeviceCommand command) {
    DeviceProfile ac = Profiles.airConditioner();
    return new DeviceProfile(
        null, "p", null, null, null, null, ac.deviceResources(), List.of(command));
  }

  private String profileFault(DeviceProfile profile) {
    return assertThrows(
            InvalidMetadataException.class, () -> ProfileRules.check(profile, "profile"))
        .getMessage();
  }

  @Test
  void acceptsTheShippedProfilesAndNormalisesThem() {
    DeviceProfile checked = ProfileRules.check(Profiles.roomSensor(), "profile");
    assertEquals(2, checked.deviceResources().size());
    assertEquals("climate", checked.deviceCommands().get(0).name());
    DeviceProfile lower =
        ProfileRules.check(
            withResources(resource("t", "float64", ReadWrite.R, null, null, null)), "profile");
    assertEquals("Float64", lower.deviceResources().get(0).properties().valueType());
    assertEquals(List.of(), lower.deviceCommands());
    assertEquals(List.of(), lower.labels());
    ProfileRules.check(Profiles.airConditioner(), "profile");
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
        ProfileRules.check(
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
}
