package dev.setpoint.ingest.it;

import static dev.setpoint.ingest.it.JsonMutations.at;
import static dev.setpoint.ingest.it.JsonMutations.otherKind;
import static dev.setpoint.ingest.it.JsonMutations.parse;
import static dev.setpoint.ingest.it.JsonMutations.paths;
import static dev.setpoint.ingest.it.JsonMutations.remove;
import static dev.setpoint.ingest.it.JsonMutations.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.setpoint.contracts.buffer.EdgeLog;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generated suite of bad requests against every event, metadata and command endpoint: systematic
 * mutations of valid bodies (each field removed, blanked or of the wrong JSON type, values out of
 * range or not of their type, unknown names, locked devices), malformed JSON cut at many places,
 * non-array batches, wrong content types and oversize bodies. Each must be refused with a 4xx EdgeX
 * error body whose message is not empty; nothing may be stored; the service must still be ready
 * afterwards. Finally the unmutated bodies are posted, to show that each refusal was caused by its
 * mutation.
 *
 * <p>Batch posts answer as EdgeX does: a body that breaks the contract is a 400 for the whole
 * batch, while an element that refers to something unknown or taken is refused inside a 207 (its
 * own 404 or 409). Those cases expect the 207 with every element refused.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {
  /** {@code setpoint.ingest.limits.max-body-bytes} of the deployed WAR. */
  private static final int MAX_BODY = 262_144;

  private static final List<String> COLLECTIONS =
      List.of(EdgeLog.COLLECTION, "deviceProfiles", "deviceServices", "devices", "commands");

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"));
  }

  /**
   * One bad request.
   *
   * @param status the exact status expected, or 0 for any 4xx
   * @param batch whether the refusal is a 207 whose elements are all refused
   */
  private record Case(
      String name,
      String method,
      String path,
      String contentType,
      String body,
      int status,
      boolean batch) {}

  private final List<Case> cases = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String sensor = "bad-sensor-" + run;
  private final String locked = "bad-locked-" + run;
  private final String ac = "bad-ac-" + run;
  private final String lockedAc = "bad-locked-ac-" + run;

  private void add(String name, String method, String path, String type, String body, int status) {
    cases.add(new Case(name, method, path, type, body, status, false));
  }

  private void addBatch(String name, String method, String path, String body) {
    cases.add(new Case(name, method, path, "application/json", body, 0, true));
  }

  // --- the valid bodies the suite mutates -------------------------------------------------------

  private String eventPath(String device) {
    return "api/v3/event/" + Api.SERVICE + "/room-sensor/" + device + "/climate";
  }

  private String event(String device) {
    return """
        {"apiVersion":"v3","requestId":"r-1","event":{"apiVersion":"v3","id":"%s",\
        "deviceName":"%s","profileName":"room-sensor","sourceName":"climate",\
        "origin":1764316800000000000,"readings":[{"origin":1764316800000000000,\
        "deviceName":"%s","resourceName":"temperature","profileName":"room-sensor",\
        "valueType":"Float64","value":"21.5","units":"°C"},{"resourceName":"humidity",\
        "valueType":"Float64","value":"40"}],"tags":{"site":"lab"}}}"""
        .formatted(UUID.randomUUID(), device, device);
  }

  private String profiles() {
    return """
        [{"apiVersion":"v3","requestId":"r-2","profile":{"name":"bad-profile-%s",\
        "manufacturer":"Acme","model":"m","description":"d","labels":["x"],\
        "deviceResources":[{"name":"level","description":"l","isHidden":false,"properties":\
        {"valueType":"Int32","readWrite":"RW","units":"%%","minimum":0,"maximum":100,\
        "defaultValue":"50"}}],"deviceCommands":[{"name":"all","isHidden":false,"readWrite":"R",\
        "resourceOperations":[{"deviceResource":"level","defaultValue":"1"}]}]}}]"""
        .formatted(run);
  }

  private String services() {
    return """
        [{"apiVersion":"v3","requestId":"r-3","service":{"name":"bad-service-%s",\
        "description":"d","baseAddress":"http://10.0.0.9:59999","adminState":"UNLOCKED",\
        "labels":["x"]}}]"""
        .formatted(run);
  }

  private String devices() {
    return """
        [{"apiVersion":"v3","requestId":"r-4","device":{"name":"bad-device-%s","description":"d",\
        "adminState":"UNLOCKED","operatingState":"UP","serviceName":"%s","profileName":\
        "room-sensor","labels":["x"],"location":{"room":"lab"},"protocols":{"http":\
        {"host":"10.0.0.7"}},"autoEvents":[{"interval":"10s","onChange":false,\
        "sourceName":"climate"}]}}]"""
        .formatted(run, Api.SERVICE);
  }

  private String update() {
    return """
        [{"apiVersion":"v3","requestId":"r-5","device":{"name":"%s","description":"d",\
        "adminState":"UNLOCKED","operatingState":"UP","labels":["x"],"location":"lab"}}]"""
        .formatted(sensor);
  }

  private String commandPath(String device) {
    return "api/v3/device/name/" + device + "/setpoint";
  }

  private static final String COMMAND = "{\"setpoint\":\"24.5\"}";

  // --- generation -------------------------------------------------------------------------------

  /**
   * Field mutations of one valid body: removing each required field, blanking each required string,
   * and giving every field except the free-form ones a value of another JSON kind.
   */
  private void mutateFields(
      String endpoint,
      String method,
      String path,
      String valid,
      Set<String> required,
      Predicate<String> freeForm) {
    JsonValue root = parse(valid);
    for (String field : paths(root)) {
      if (freeForm.test(field)) {
        continue;
      }
      JsonValue value = at(root, field);
      if (required.contains(field)) {
        add(
            endpoint + " without " + field,
            method,
            path,
            "application/json",
            remove(root, field).toString(),
            400);
        if (value.getValueType() == JsonValue.ValueType.STRING) {
          add(
              endpoint + " with blank " + field,
              method,
              path,
              "application/json",
              replace(root, field, Json.createValue("")).toString(),
              400);
        }
      }
      add(
          endpoint + " with " + field + " of the wrong JSON type",
          method,
          path,
          "application/json",
          replace(root, field, otherKind(value)).toString(),
          400);
    }
  }

  private void replaceWith(
      String endpoint,
      String method,
      String path,
      String valid,
      Map<String, String> replacements,
      int status) {
    JsonValue root = parse(valid);
    replacements.forEach(
        (field, json) ->
            add(
                endpoint + " with " + field + " = " + json,
                method,
                path,
                "application/json",
                replace(root, field.replaceAll("#.*", ""), parse(json)).toString(),
                status));
  }

  /** The valid body cut at a dozen places: never valid JSON. */
  private void truncate(String endpoint, String method, String path, String valid) {
    for (int i = 0; i < 12; i++) {
      int at = valid.length() * i / 12;
      add(
          endpoint + " cut at " + at,
          method,
          path,
          "application/json",
          valid.substring(0, at),
          400);
    }
  }

  private void wrongContentTypes(String endpoint, String method, String path, String valid) {
    for (String type : List.of("text/plain", "application/xml")) {
      add(endpoint + " as " + type, method, path, type, valid, 415);
    }
  }

  private void oversize(String endpoint, String method, String path) {
    String pad = "x".repeat(MAX_BODY);
    add(
        endpoint + " above the size limit",
        method,
        path,
        "application/json",
        "{\"pad\":\"" + pad + "\"}",
        413);
  }

  private void notABatch(String endpoint, String method, String path) {
    for (String body : List.of("{}", "7", "\"x\"", "null", "[]", "[7]", "[null]", "[[]]")) {
      add(endpoint + " with body " + body, method, path, "application/json", body, 400);
    }
  }

  private String multipart(String boundary, String part, String content) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + part
        + "\"; filename=\"p.yaml\"\r\nContent-Type: application/x-yaml\r\n\r\n"
        + content
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  private void uploads() {
    String path = "api/v3/deviceprofile/uploadfile";
    Map<String, String> yaml = new LinkedHashMap<>();
    yaml.put("broken YAML", "name: [unclosed");
    yaml.put("an empty file", "");
    yaml.put("a list", "- a\n- b");
    yaml.put(
        "no name",
        "deviceResources:\n  - name: t\n    properties: {valueType: Float64, readWrite: R}");
    yaml.put("no resources", "name: up-" + run);
    yaml.put(
        "minimum above maximum",
        "name: up-"
            + run
            + "\ndeviceResources:\n  - name: t\n    properties: {valueType: Float64,"
            + " readWrite: R, minimum: 5, maximum: 1}");
    yaml.put(
        "an unknown value type",
        "name: up-"
            + run
            + "\ndeviceResources:\n  - name: t\n    properties: {valueType: Complex,"
            + " readWrite: R}");
    yaml.put("a key given twice", "name: a\nname: b");
    yaml.put(
        "a NaN bound",
        "name: up-"
            + run
            + "\ndeviceResources:\n  - name: t\n    properties: {valueType: Float64,"
            + " readWrite: R, maximum: .nan}");
    yaml.put(
        "a typo in a property",
        "name: up-"
            + run
            + "\ndeviceResources:\n  - name: t\n    properties: {valueType: Float64,"
            + " readWrite: R, maximun: 5}");
    yaml.put(
        "a reserved name",
        "name: up-"
            + run
            + "\ndeviceResources:\n  - name: time\n    properties: {valueType: Float64,"
            + " readWrite: R}");
    yaml.put(
        "a name with a slash",
        "name: up/"
            + run
            + "\ndeviceResources:\n  - name: t\n    properties: {valueType: Float64,"
            + " readWrite: R}");
    yaml.put(
        "the shipped room-sensor again (duplicate)",
        "name: room-sensor\ndeviceResources:\n  - name: t\n    properties: {valueType: Float64,"
            + " readWrite: R}");
    yaml.forEach(
        (name, content) -> {
          String boundary = "b" + UUID.randomUUID();
          add(
              "upload of " + name,
              "POST",
              path,
              "multipart/form-data; boundary=" + boundary,
              multipart(boundary, "file", content),
              name.contains("duplicate") ? 409 : 400);
        });
    String boundary = "b" + UUID.randomUUID();
    add(
        "upload without a file part",
        "POST",
        path,
        "multipart/form-data; boundary=" + boundary,
        multipart(boundary, "other", "name: x"),
        400);
    boundary = "b" + UUID.randomUUID();
    add(
        "upload above the size limit",
        "POST",
        path,
        "multipart/form-data; boundary=" + boundary,
        multipart(boundary, "file", "name: big\ndescription: " + "x".repeat(MAX_BODY)),
        413);
    add("upload as JSON", "POST", path, "application/json", "{\"name\":\"x\"}", 415);
  }

  private void generate() {
    // Core Data events
    String eventPath = eventPath(sensor);
    String event = event(sensor);
    mutateFields(
        "event",
        "POST",
        eventPath,
        event,
        Set.of(
            "event",
            "event.id",
            "event.deviceName",
            "event.profileName",
            "event.sourceName",
            "event.origin",
            "event.readings",
            "event.readings[0].resourceName",
            "event.readings[0].valueType",
            "event.readings[0].value"),
        field -> field.startsWith("event.tags."));
    Map<String, String> values = new LinkedHashMap<>();
    for (String v :
        List.of(
            "NaN",
            "Infinity",
            "-Infinity",
            "1e400",
            "abc",
            "",
            " ",
            "0x10",
            "85.01",
            "-40.5",
            "1,5",
            "21.5.1",
            "true")) {
      values.put("event.readings[0].value#" + v, Json.createValue(v).toString());
    }
    values.put("event.readings[1].value#high", "\"100.1\"");
    values.put("event.readings[1].value#low", "\"-0.1\"");
    values.put("event.readings[0].valueType#int", "\"Int32\"");
    values.put("event.readings[0].valueType#unknown", "\"Float\"");
    values.put("event.readings[0].valueType#string", "\"String\"");
    values.put("event.readings[0].resourceName#unknown", "\"pressure\"");
    values.put("event.readings[0].resourceName#reserved", "\"time\"");
    values.put("event.readings[1].resourceName#twice", "\"temperature\"");
    values.put("event.deviceName#other", "\"other-device\"");
    values.put("event.readings[0].deviceName#other", "\"other-device\"");
    values.put("event.profileName#other", "\"air-conditioner\"");
    values.put("event.origin#zero", "0");
    values.put("event.origin#negative", "-1");
    values.put("event.origin#huge", "1e30");
    values.put("event.origin#fraction", "1.5");
    values.put("event.id#not-a-uuid", "\"1-1-1-1-1\"");
    values.put("event.readings#empty", "[]");
    values.put("apiVersion#v2", "\"v2\"");
    values.put("event.readings[0].units#unknown-field", "{\"x\":1}");
    replaceWith("event", "POST", eventPath, event, values, 400);
    add(
        "event of an unknown device",
        "POST",
        eventPath("ghost-" + run),
        "application/json",
        event("ghost-" + run),
        404);
    add(
        "event of a locked device",
        "POST",
        eventPath(locked),
        "application/json",
        event(locked),
        423);
    add(
        "event through another service",
        "POST",
        "api/v3/event/other-service/room-sensor/" + sensor + "/climate",
        "application/json",
        event,
        400);
    add(
        "event with NaN literal",
        "POST",
        eventPath,
        "application/json",
        event.replace("\"origin\":1764316800000000000,\"readings\"", "\"origin\":NaN,\"readings\""),
        400);
    add(
        "event with a key twice",
        "POST",
        eventPath,
        "application/json",
        event.replace(
            "\"apiVersion\":\"v3\",\"requestId\"",
            "\"apiVersion\":\"v3\",\"apiVersion\":\"v3\",\"requestId\""),
        400);
    add("event with trailing garbage", "POST", eventPath, "application/json", event + "}", 400);
    truncate("event", "POST", eventPath, event);
    wrongContentTypes("event", "POST", eventPath, event);
    oversize("event", "POST", eventPath);

    // Core Metadata: profiles
    String profilePath = "api/v3/deviceprofile";
    String profiles = profiles();
    String p = "[0].profile";
    String r = p + ".deviceResources[0]";
    String c = p + ".deviceCommands[0]";
    mutateFields(
        "profile",
        "POST",
        profilePath,
        profiles,
        Set.of(
            "[0]",
            p,
            p + ".name",
            p + ".deviceResources",
            r,
            r + ".name",
            r + ".properties",
            r + ".properties.valueType",
            r + ".properties.readWrite",
            c + ".name",
            c + ".readWrite",
            c + ".resourceOperations",
            c + ".resourceOperations[0]",
            c + ".resourceOperations[0].deviceResource"),
        field -> false);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(p + ".name#space", "\"a b\"");
    bad.put(p + ".name#slash", "\"a/b\"");
    bad.put(p + ".name#long", Json.createValue("n".repeat(129)).toString());
    bad.put(p + ".id#not-uuid", "\"abc\"");
    bad.put(p + ".deviceResources#empty", "[]");
    bad.put(r + ".name#reserved", "\"device\"");
    bad.put(r + ".properties.valueType#unknown", "\"Complex\"");
    bad.put(r + ".properties.valueType#array", "\"Int32Array\"");
    bad.put(r + ".properties.readWrite#X", "\"X\"");
    bad.put(r + ".properties.readWrite#lower", "\"rw\"");
    bad.put(r + ".properties.minimum#above-max", "101");
    bad.put(r + ".properties.maximum#huge", "1e400");
    bad.put(r + ".properties.minimum#below-int32", "-1e12");
    bad.put(r + ".properties.defaultValue#out-of-range", "\"101\"");
    bad.put(r + ".properties.defaultValue#not-int", "\"5.5\"");
    bad.put(r + ".properties.defaultValue#NaN", "\"NaN\"");
    bad.put(r + ".properties#typo", "{\"valueType\":\"Int32\",\"readWrite\":\"R\",\"maximun\":5}");
    bad.put(c + ".name#same-as-resource", "\"level\"");
    bad.put(c + ".resourceOperations[0].deviceResource#unknown", "\"nothing\"");
    bad.put(c + ".resourceOperations[0].defaultValue#out-of-range", "\"500\"");
    bad.put(c + ".resourceOperations#empty", "[]");
    bad.put("[0].apiVersion#v2", "\"v2\"");
    bad.put(p + ".color#unknown", "\"red\"");
    replaceWith(
        "profile",
        "POST",
        profilePath,
        profiles.replace("\"readWrite\":\"R\",", "\"readWrite\":\"R\","),
        bad,
        400);
    add(
        "profiles with a resource twice",
        "POST",
        profilePath,
        "application/json",
        profiles.replace(
            "\"deviceResources\":[{",
            "\"deviceResources\":[{\"name\":\"level\","
                + "\"properties\":{\"valueType\":\"Int32\",\"readWrite\":\"R\"}},{"),
        400);
    add(
        "profiles with NaN literal",
        "POST",
        profilePath,
        "application/json",
        profiles.replace("\"minimum\":0", "\"minimum\":NaN"),
        400);
    addBatch(
        "profile whose name is taken",
        "POST",
        profilePath,
        profiles.replace("bad-profile-" + run, "room-sensor"));
    truncate("profile", "POST", profilePath, profiles);
    wrongContentTypes("profile", "POST", profilePath, profiles);
    oversize("profile", "POST", profilePath);
    notABatch("profile", "POST", profilePath);
    uploads();

    // Core Metadata: device services
    String servicePath = "api/v3/deviceservice";
    String services = services();
    mutateFields(
        "service",
        "POST",
        servicePath,
        services,
        Set.of("[0]", "[0].service", "[0].service.name", "[0].service.adminState"),
        field -> false);
    replaceWith(
        "service",
        "POST",
        servicePath,
        services,
        Map.of(
            "[0].service.baseAddress#ftp",
            "\"ftp://x\"",
            "[0].service.baseAddress#no-host",
            "\"http://\"",
            "[0].service.adminState#on",
            "\"ON\"",
            "[0].service.name#question",
            "\"a?b\"",
            "[0].service.labels#blank",
            "[\" \"]"),
        400);
    addBatch(
        "service whose name is taken",
        "POST",
        servicePath,
        services.replace("bad-service-" + run, Api.SERVICE));
    truncate("service", "POST", servicePath, services);
    wrongContentTypes("service", "POST", servicePath, services);
    oversize("service", "POST", servicePath);
    notABatch("service", "POST", servicePath);

    // Core Metadata: devices
    String devicePath = "api/v3/device";
    String devices = devices();
    String d = "[0].device";
    mutateFields(
        "device",
        "POST",
        devicePath,
        devices,
        Set.of(
            "[0]",
            d,
            d + ".name",
            d + ".adminState",
            d + ".operatingState",
            d + ".serviceName",
            d + ".profileName",
            d + ".protocols",
            d + ".autoEvents[0].interval",
            d + ".autoEvents[0].sourceName"),
        field -> field.startsWith(d + ".location") || field.startsWith(d + ".protocols.http."));
    replaceWith(
        "device",
        "POST",
        devicePath,
        devices,
        Map.of(
            d + ".adminState#lower",
            "\"unlocked\"",
            d + ".operatingState#on",
            "\"ON\"",
            d + ".protocols#empty",
            "{}",
            d + ".protocols.http#string",
            "\"x\"",
            d + ".protocols.http.host#object",
            "{}",
            d + ".autoEvents[0].interval#no-unit",
            "\"10\"",
            d + ".autoEvents[0].interval#zero",
            "\"0s\"",
            d + ".name#slash",
            "\"a/b\"",
            d + ".id#not-uuid",
            "\"x\"",
            d + ".parentName#unknown",
            "\"x\""),
        400);
    addBatch(
        "device of an unknown profile",
        "POST",
        devicePath,
        devices.replace("\"room-sensor\"", "\"no-such-profile\""));
    addBatch(
        "device of an unknown service",
        "POST",
        devicePath,
        devices.replace(Api.SERVICE, "no-such-service"));
    addBatch(
        "device whose autoEvent reads no source of its profile",
        "POST",
        devicePath,
        devices.replace("\"sourceName\":\"climate\"", "\"sourceName\":\"setpoint\""));
    addBatch(
        "device whose name is taken",
        "POST",
        devicePath,
        devices.replace("bad-device-" + run, sensor));
    truncate("device", "POST", devicePath, devices);
    wrongContentTypes("device", "POST", devicePath, devices);
    oversize("device", "POST", devicePath);
    notABatch("device", "POST", devicePath);

    // Core Metadata: device updates (PATCH)
    String updates = update();
    mutateFields(
        "device update",
        "PATCH",
        devicePath,
        updates,
        Set.of("[0]", d, d + ".name"),
        field -> field.startsWith(d + ".location"));
    replaceWith(
        "device update",
        "PATCH",
        devicePath,
        updates,
        Map.of(
            d + ".adminState#off",
            "\"OFF\"",
            d + ".profileName#not-updatable",
            "\"air-conditioner\"",
            d + ".adminstate#typo",
            "\"LOCKED\""),
        400);
    add(
        "device update that changes nothing",
        "PATCH",
        devicePath,
        "application/json",
        "[{\"device\":{\"name\":\"" + sensor + "\"}}]",
        400);
    addBatch(
        "device update of an unknown device",
        "PATCH",
        devicePath,
        updates.replace(sensor, "ghost-" + run));
    truncate("device update", "PATCH", devicePath, updates);
    wrongContentTypes("device update", "PATCH", devicePath, updates);
    oversize("device update", "PATCH", devicePath);
    notABatch("device update", "PATCH", devicePath);

    // Core Command
    String commandPath = commandPath(ac);
    for (String body :
        List.of(
            "{\"setpoint\":\"30\"}",
            "{\"setpoint\":\"17.99\"}",
            "{\"setpoint\":\"NaN\"}",
            "{\"setpoint\":\"Infinity\"}",
            "{\"setpoint\":\"abc\"}",
            "{\"setpoint\":\"\"}",
            "{\"setpoint\":[]}",
            "{\"setpoint\":{}}",
            "{\"setpoint\":null}",
            "{}",
            "[]",
            "\"24\"",
            "{\"mode\":\"cool\"}",
            "{\"setpoint\":\"24\",\"fan\":\"1\"}",
            "{\"setpoint\":\"24\",\"setpoint\":\"25\"}")) {
      add("command " + body, "PUT", commandPath, "application/json", body, 400);
    }
    add(
        "command to an unknown device",
        "PUT",
        commandPath("ghost-" + run),
        "application/json",
        COMMAND,
        404);
    add(
        "command to an unknown command",
        "PUT",
        "api/v3/device/name/" + ac + "/heat",
        "application/json",
        COMMAND,
        404);
    add(
        "command to a locked device",
        "PUT",
        commandPath(lockedAc),
        "application/json",
        COMMAND,
        423);
    add(
        "read-only command",
        "PUT",
        "api/v3/device/name/" + ac + "/status",
        "application/json",
        COMMAND,
        400);
    add("read of an unknown command", "GET", "api/v3/device/name/" + ac + "/heat", null, null, 404);
    add("read of a locked device", "GET", commandPath(lockedAc), null, null, 423);
    add("read of an unknown device", "GET", commandPath("ghost-" + run), null, null, 404);
    add("read of a command never set", "GET", commandPath(ac), null, null, 404);
    truncate("command", "PUT", commandPath, COMMAND);
    wrongContentTypes("command", "PUT", commandPath, COMMAND);
    oversize("command", "PUT", commandPath);

    // Reads with bad parameters and unknown names
    for (String kind : List.of("device", "deviceprofile", "deviceservice")) {
      add(
          kind + " of an unknown name",
          "GET",
          "api/v3/" + kind + "/name/ghost-" + run,
          null,
          null,
          404);
      add(
          kind + " delete of an unknown name",
          "DELETE",
          "api/v3/" + kind + "/name/ghost-" + run,
          null,
          null,
          404);
      for (String query :
          List.of("limit=abc", "limit=0", "limit=-2", "limit=5000", "offset=-1", "offset=x")) {
        add(
            kind + " list with " + query,
            "GET",
            "api/v3/" + kind + "/all?" + query,
            null,
            null,
            400);
      }
    }
    add(
        "delete of a profile in use",
        "DELETE",
        "api/v3/deviceprofile/name/room-sensor",
        null,
        null,
        409);
    add(
        "delete of a service in use",
        "DELETE",
        "api/v3/deviceservice/name/" + Api.SERVICE,
        null,
        null,
        409);
  }

  // --- running ---------------------------------------------------------------------------------

  private static MongoClient mongo;
  private static MongoDatabase db;

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    db = mongo.getDatabase("setpoint");
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String collection : COLLECTIONS) {
      counts.put(collection, db.getCollection(collection).countDocuments());
    }
    return counts;
  }

  private static String check(Case c, HttpResponse<String> response) {
    int status = response.statusCode();
    try {
      if (c.batch()) {
        if (status != 207) {
          return "expected 207 with refused elements, got " + status + " " + response.body();
        }
        JsonArray items = Json.createReader(new StringReader(response.body())).readArray();
        if (items.isEmpty()) {
          return "a 207 without elements: " + response.body();
        }
        for (JsonValue item : items) {
          JsonObject element = item.asJsonObject();
          int itemStatus = element.getInt("statusCode");
          if (itemStatus < 400 || itemStatus > 499 || element.getString("message", "").isBlank()) {
            return "an element was not refused: " + response.body();
          }
        }
        return null;
      }
      if (c.status() != 0 ? status != c.status() : status < 400 || status > 499) {
        return "expected "
            + (c.status() == 0 ? "4xx" : c.status())
            + ", got "
            + status
            + " "
            + response.body();
      }
      JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
      if (!"v3".equals(body.getString("apiVersion", null))
          || body.getInt("statusCode", -1) != status
          || body.getString("message", "").isBlank()) {
        return "not an EdgeX error body: " + response.body();
      }
      return null;
    } catch (RuntimeException e) {
      return "unreadable answer " + status + ": " + response.body();
    }
  }

  /**
   * One dynamic test per generated case, named after it, each checking its own refusal and that the
   * store's counts are still those from before the first case (so a case that stores something
   * fails by name). Then the service must still be ready, and the unmutated bodies must be
   * accepted: those two run last, after every case, as the stream's order guarantees.
   */
  @TestFactory
  Stream<DynamicNode> everyBadRequestIsRefusedStoresNothingAndLeavesTheServiceReady()
      throws Exception {
    Api api = new Api(base);
    api.registerDevice(sensor, "room-sensor");
    api.registerDevice(ac, "air-conditioner");
    assertEquals(
        207,
        api.post("api/v3/device", Api.deviceRequest(locked, "room-sensor", "LOCKED")).statusCode());
    assertEquals(
        207,
        api.post("api/v3/device", Api.deviceRequest(lockedAc, "air-conditioner", "LOCKED"))
            .statusCode());
    generate();
    assertTrue(cases.size() >= 200, "only " + cases.size() + " generated cases");
    Map<String, Long> before = counts();

    Stream<DynamicTest> refusals =
        cases.stream()
            .map(
                c ->
                    dynamicTest(
                        c.name(),
                        () -> {
                          String failure =
                              check(c, api.send(c.method(), c.path(), c.contentType(), c.body()));
                          // The case's name leads each message: Surefire's XML report names
                          // dynamic tests by index only.
                          assertNull(failure, c.name() + ": " + failure);
                          assertEquals(before, counts(), c.name() + ": stored something");
                        }));
    Stream<DynamicTest> afterwards =
        Stream.of(
            dynamicTest(
                "the service is still ready",
                () -> {
                  HttpResponse<String> ready = api.get("health/ready");
                  assertEquals(200, ready.statusCode(), ready.body());
                  assertTrue(ready.body().contains("\"UP\""), ready.body());
                }),
            // The unmutated bodies are accepted, so each refusal was its mutation's doing.
            dynamicTest(
                "the unmutated bodies are accepted",
                () -> {
                  long events = new EdgeLogView(db).count();
                  assertEquals(201, api.post(eventPath(sensor), event(sensor)).statusCode());
                  Api.assertBatch(api.post("api/v3/deviceprofile", profiles()), 201);
                  Api.assertBatch(api.post("api/v3/deviceservice", services()), 201);
                  Api.assertBatch(api.post("api/v3/device", devices()), 201);
                  Api.assertBatch(
                      api.send("PATCH", "api/v3/device", "application/json", update()), 200);
                  assertEquals(
                      200,
                      api.send("PUT", commandPath(ac), "application/json", COMMAND).statusCode());
                  assertEquals(events + 1, new EdgeLogView(db).count());
                }));
    return Stream.concat(
        Stream.of(dynamicContainer(cases.size() + " bad requests", refusals)), afterwards);
  }
}
