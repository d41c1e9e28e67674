package dev.setpoint.ingest.interfaces.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.UpdateDeviceRequest;
import dev.setpoint.ingest.application.InvalidCommandException;
import dev.setpoint.ingest.application.InvalidMetadataException;
import dev.setpoint.ingest.application.ProfileRules;
import dev.setpoint.ingest.interfaces.seed.SeedFiles;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataJsonTest {
  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  private static String profileFault(String profile) {
    return assertThrows(
            InvalidMetadataException.class,
            () -> MetadataJson.addProfileRequest(json("{'profile':" + profile + "}"), "[0]"))
        .getMessage();
  }

  @Test
  void readsAProfileRequest() {
    DeviceProfile profile =
        MetadataJson.addProfileRequest(
                json(
                    "{'apiVersion':'v3','requestId':'r','profile':{'name':'p','labels':['a'],"
                        + "'deviceResources':[{'name':'t','isHidden':true,'properties':"
                        + "{'valueType':'Float64','readWrite':'RW','minimum':-40,'maximum':8.5e1,"
                        + "'units':'C','mediaType':''}}],'deviceCommands':[{'name':'c',"
                        + "'readWrite':'R','resourceOperations':[{'deviceResource':'t'}]}]}}"),
                "[0]")
            .profile();
    assertEquals("p", profile.name());
    assertTrue(profile.deviceResources().get(0).isHidden());
    assertEquals(ReadWrite.RW, profile.deviceResources().get(0).properties().readWrite());
    assertEquals(-40.0, profile.deviceResources().get(0).properties().minimum());
    assertEquals(85.0, profile.deviceResources().get(0).properties().maximum());
    assertEquals("t", profile.deviceCommands().get(0).resourceOperations().get(0).deviceResource());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'name':7}|[0].profile.name must be a string, was a number",
        "{'name':'p','labels':'a'}|[0].profile.labels must be an array, was a string",
        "{'name':'p','labels':[null]}|[0].profile.labels[0] is null",
        "{'name':'p','deviceResources':{}}|[0].profile.deviceResources must be an array, was an"
            + " object",
        "{'name':'p','deviceResources':[7]}|[0].profile.deviceResources[0] must be a JSON object,"
            + " was a number",
        "{'name':'p','deviceResources':[{'name':'t','properties':{'valueType':'Float64',"
            + "'readWrite':'R','maximun':5}}]}|[0].profile.deviceResources[0].properties.maximun is"
            + " not a known field",
        "{'name':'p','deviceResources':[{'name':'t','properties':{'valueType':'Float64',"
            + "'readWrite':'R','minimum':'5'}}]}|[0].profile.deviceResources[0].properties.minimum"
            + " must be a number, was a string",
        "{'name':'p','deviceResources':[{'name':'t','properties':{'valueType':'Float64',"
            + "'readWrite':'X'}}]}|[0].profile.deviceResources[0].properties.readWrite 'X' must be"
            + " one of R, W, RW, WR",
        "{'name':'p','deviceResources':[{'name':'t','isHidden':'yes'}]}|[0].profile"
            + ".deviceResources[0].isHidden must be true or false, was a string",
        "{'name':'p','deviceResources':[{'name':'t','properties':{'valueType':'Float64',"
            + "'readWrite':'R','maximum':1e400}}]}|[0].profile.deviceResources[0].properties"
            + ".maximum must be a finite number",
        "{'name':'p','color':'red'}|[0].profile.color is not a known field",
        "[]|[0].profile must be a JSON object, was an array",
      })
  void namesTheFieldOfAWrongTypeOrUnknownField(String profile, String message) {
    assertEquals(message, profileFault(profile));
  }

  @Test
  void requestsNeedTheirBodyAndV3() {
    assertEquals(
        "[0].profile is required",
        assertThrows(
                InvalidMetadataException.class,
                () -> MetadataJson.addProfileRequest(json("{'apiVersion':'v3'}"), "[0]"))
            .getMessage());
    assertEquals(
        "[0].apiVersion must be v3, was v2",
        assertThrows(
                InvalidMetadataException.class,
                () -> MetadataJson.addProfileRequest(json("{'apiVersion':'v2'}"), "[0]"))
            .getMessage());
    assertEquals(
        "[0].requestId must be a string, was a number",
        assertThrows(
                InvalidMetadataException.class,
                () -> MetadataJson.addDeviceServiceRequest(json("{'requestId':1}"), "[0]"))
            .getMessage());
    assertEquals(
        "[0] must be a JSON object, was null",
        assertThrows(
                InvalidMetadataException.class,
                () -> MetadataJson.addDeviceRequest(JsonValue.NULL, "[0]"))
            .getMessage());
  }

  @Test
  void readsADeviceKeepingProtocolScalarsAsTextAndLocationAsJson() {
    AddDeviceRequest request =
        MetadataJson.addDeviceRequest(
            json(
                "{'device':{'name':'d','adminState':'LOCKED','operatingState':'UP',"
                    + "'serviceName':'s','profileName':'p','location':{'lat':45.5},"
                    + "'protocols':{'modbus':{'port':502,'secure':true,'host':'h'}},"
                    + "'autoEvents':[{'interval':'10s','onChange':true,'sourceName':'t'}]}}"),
            "[0]");
    assertEquals(AdminState.LOCKED, request.device().adminState());
    assertEquals("502", request.device().protocols().get("modbus").get("port"));
    assertEquals("true", request.device().protocols().get("modbus").get("secure"));
    assertEquals("{\"lat\":45.5}", request.device().location().toString());
    assertTrue(request.device().autoEvents().get(0).onChange());
    assertEquals(
        "[0].device.protocols.modbus.port must be a string, was an object",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    MetadataJson.addDeviceRequest(
                        json("{'device':{'protocols':{'modbus':{'port':{}}}}}"), "[0]"))
            .getMessage());
    assertEquals(
        "[0].device.adminState 'locked' must be one of LOCKED, UNLOCKED",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    MetadataJson.addDeviceRequest(
                        json("{'device':{'adminState':'locked'}}"), "[0]"))
            .getMessage());
  }

  @Test
  void anUpdateRefusesFieldsItCannotChange() {
    UpdateDeviceRequest update =
        MetadataJson.updateDeviceRequest(
            json("{'device':{'name':'d','adminState':'LOCKED'}}"), "[0]");
    assertEquals(AdminState.LOCKED, update.device().adminState());
    assertNull(update.device().operatingState());
    assertEquals(
        "[0].device.profileName cannot be changed; delete the device and add it again",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    MetadataJson.updateDeviceRequest(
                        json("{'device':{'name':'d','profileName':'x'}}"), "[0]"))
            .getMessage());
    assertEquals(
        "[0].device.adminstate is not a known field",
        assertThrows(
                InvalidMetadataException.class,
                () ->
                    MetadataJson.updateDeviceRequest(
                        json("{'device':{'name':'d','adminstate':'LOCKED'}}"), "[0]"))
            .getMessage());
  }

  @Test
  void commandBodiesAreObjectsOfScalars() {
    assertEquals("24.5", MetadataJson.commandValues(json("{'setpoint':'24.5'}")).get("setpoint"));
    assertEquals("24.5", MetadataJson.commandValues(json("{'setpoint':24.5}")).get("setpoint"));
    assertEquals(
        "setpoint must be a string, was an array",
        assertThrows(
                InvalidCommandException.class,
                () -> MetadataJson.commandValues(json("{'setpoint':[1]}")))
            .getMessage());
    assertEquals(
        "the body must be a JSON object of resource names to values, was an array",
        assertThrows(InvalidCommandException.class, () -> MetadataJson.commandValues(json("[]")))
            .getMessage());
  }

  private static String seed(String file) throws IOException {
    try (InputStream in =
        MetadataJsonTest.class.getClassLoader().getResourceAsStream(SeedFiles.SEED + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedYamlProfilesAreValid() throws IOException {
    DeviceProfile room =
        ProfileRules.check(YamlProfiles.parse(seed("room-sensor.yaml"), "profile"), "profile");
    assertEquals("room-sensor", room.name());
    assertEquals(-40.0, room.resource("temperature").orElseThrow().properties().minimum());
    assertEquals(100.0, room.resource("humidity").orElseThrow().properties().maximum());
    assertEquals("°C", room.resource("temperature").orElseThrow().properties().units());
    assertEquals(2, room.command("climate").orElseThrow().resourceOperations().size());
    DeviceProfile ac =
        ProfileRules.check(YamlProfiles.parse(seed("air-conditioner.yaml"), "profile"), "profile");
    assertEquals(ReadWrite.RW, ac.resource("setpoint").orElseThrow().properties().readWrite());
    assertEquals(18.0, ac.resource("setpoint").orElseThrow().properties().minimum());
    assertEquals(27.0, ac.resource("setpoint").orElseThrow().properties().maximum());
    DeviceProfile controller =
        ProfileRules.check(YamlProfiles.parse(seed("room-controller.yaml"), "profile"), "profile");
    assertEquals(
        ReadWrite.R, controller.resource("temperature").orElseThrow().properties().readWrite());
    assertEquals(
        ReadWrite.RW, controller.resource("setpoint").orElseThrow().properties().readWrite());
    assertEquals(27.0, controller.resource("setpoint").orElseThrow().properties().maximum());
    List<String> energy =
        List.of("cooling_power", "cooling_energy", "it_power", "compute_power", "it_energy");
    DeviceProfile meter =
        ProfileRules.check(YamlProfiles.parse(seed("energy-meter.yaml"), "profile"), "profile");
    for (DeviceProfile metered : List.of(controller, meter)) {
      for (String resource : energy) {
        String at = metered.name() + " " + resource;
        ResourceProperties properties = metered.resource(resource).orElseThrow().properties();
        assertEquals("Float64", properties.valueType(), at);
        assertEquals(0.0, properties.minimum(), at);
        assertEquals(ReadWrite.R, properties.readWrite(), at);
        assertEquals(resource.endsWith("_energy") ? "kWh" : "kW", properties.units(), at);
      }
      assertEquals(
          energy,
          metered.command("energy").orElseThrow().resourceOperations().stream()
              .map(ResourceOperation::deviceResource)
              .toList(),
          metered.name());
    }
    assertEquals(energy, meter.deviceResources().stream().map(DeviceResource::name).toList());
    assertEquals(
        List.of(
            "room-sensor.yaml",
            "air-conditioner.yaml",
            "room-controller.yaml",
            "energy-meter.yaml",
            "legacy-v1.yaml"),
        SeedFiles.PROFILES);
  }

  @Test
  void yamlIsReadLeniently() {
    DeviceProfile profile =
        YamlProfiles.parse(
            """
            name: legacy
            deviceResources:
              - name: level
                isHidden: "false"
                properties: {valueType: Int32, readWrite: R, minimum: "-5", maximum: 5, defaultValue: 0, units: 1}
            """,
            "profile");
    assertEquals(-5.0, profile.deviceResources().get(0).properties().minimum());
    assertEquals("0", profile.deviceResources().get(0).properties().defaultValue());
    assertEquals("1", profile.deviceResources().get(0).properties().units());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|the file is empty; it must hold one device profile",
        "'- a\n- b'|profile must be a JSON object, was an array",
        "'name: p\nname: q'|the file is not a valid YAML document:",
        "'name: [unclosed'|the file is not a valid YAML document:",
        "'name: p\nmaximum: .nan'|profile.maximum must be a finite number",
        "'name: p\n1: x'|profile has a key that is not a string: 1",
        "'name: p\nmodel: !!binary aGk='|profile.model holds a YAML byte[], which a profile cannot",
      })
  void refusesYamlThatIsNoProfile(String yaml, String message) {
    String fault =
        assertThrows(InvalidMetadataException.class, () -> YamlProfiles.parse(yaml, "profile"))
            .getMessage();
    assertTrue(fault.startsWith(message), fault);
  }

  @Test
  void refusesYamlAliasBombs() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = c;
    }
    String fault =
        assertThrows(
                InvalidMetadataException.class,
                () -> YamlProfiles.parse(yaml.toString(), "profile"))
            .getMessage();
    assertTrue(fault.startsWith("the file is not a valid YAML document:"), fault);
  }
}
