package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.setpoint.contracts.enrolment.Enrolment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Enrolment codes for the end-to-end tests, the security suite's included: made by the test
 * operator through ingest's API as {@code ./setpoint device enrol} makes them, traded as a device's
 * agent trades them, and the stack's fleet started through {@code ./setpoint} as {@code run} starts
 * it. Every code is made per test run; none is written in a source.
 */
public final class Enrolments {
  private Enrolments() {}

  /** A code just made: its public id, the code itself (shown this once) and its end. */
  public record Code(String id, String code, Instant expiresAt) {}

  /** The server's base URL. */
  public static String base() {
    return Edge.BASE;
  }

  /**
   * Makes a code for the named devices, of the given profiles and the device agent's service.
   *
   * @param expiresIn an ISO-8601 duration, or null for the server's default
   */
  public static Code forDevices(List<String> devices, String expiresIn, String... profiles)
      throws Exception {
    JsonObjectBuilder request =
        Json.createObjectBuilder()
            .add("devices", Json.createArrayBuilder(devices))
            .add("profiles", Json.createArrayBuilder(List.of(profiles)))
            .add("service", "setpoint-device-agent")
            .add("description", "end-to-end test");
    if (expiresIn != null) {
      request.add("expiresIn", expiresIn);
    }
    return create(request.build());
  }

  /** Makes a batch code for {@code count} devices of any name, of the given profiles. */
  public static Code forBatch(int count, String... profiles) throws Exception {
    return create(
        Json.createObjectBuilder()
            .add("count", count)
            .add("profiles", Json.createArrayBuilder(List.of(profiles)))
            .build());
  }

  private static Code create(JsonObject request) throws Exception {
    HttpResponse<String> made = asOperator("POST", "/api/enrolment/codes", request.toString());
    assertEquals(201, made.statusCode(), made.body());
    JsonObject body = json(made.body());
    return new Code(
        body.getString("id"), body.getString("code"), Instant.parse(body.getString("expiresAt")));
  }

  /**
   * Writes a code for one device to a mode-600 file in {@code dir}, as an operator hands it to a
   * Pi, for the agent's {@code enrolment.code-file}.
   */
  public static Path codeFile(Path dir, String device, String profile) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("enrolment.code");
    Files.writeString(file, forDevices(List.of(device), null, profile).code() + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /** A request as the test operator: {@code GET}, {@code POST}, {@code DELETE}. */
  public static HttpResponse<String> asOperator(String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Edge.BASE + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + Edge.operatorToken());
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return Edge.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The body of an enrolment: Core Metadata add-device requests for devices of one profile. */
  public static String devices(String profile, String... names) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String name : names) {
      array.add(
          Json.createObjectBuilder()
              .add("apiVersion", "v3")
              .add(
                  "device",
                  Json.createObjectBuilder()
                      .add("name", name)
                      .add("adminState", "UNLOCKED")
                      .add("operatingState", "UP")
                      .add("serviceName", "setpoint-device-agent")
                      .add("profileName", profile)
                      .add(
                          "protocols",
                          Json.createObjectBuilder()
                              .add("http", Json.createObjectBuilder().add("host", "127.0.0.1")))));
    }
    return array.build().toString();
  }

  /** Trades a code for devices' tokens as an agent does ({@code POST /api/enrolment}), no login. */
  public static HttpResponse<String> trade(String code, String devices) throws Exception {
    return Edge.HTTP.send(
        HttpRequest.newBuilder(URI.create(Edge.BASE + Enrolment.PATH))
            .timeout(Duration.ofSeconds(15))
            .header(Enrolment.CODE_HEADER, code)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(devices))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A room sensor's climate event, posted with the given device token. */
  public static HttpResponse<String> postClimate(String device, String token) throws Exception {
    String body =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"23.5","units":"degC"},
          {"resourceName":"humidity","valueType":"Float64","value":"45.0","units":"%%RH"}]}}
        """
            .formatted(UUID.randomUUID(), device, System.currentTimeMillis() * 1_000_000L);
    return Edge.HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    Edge.BASE
                        + "/api/v3/event/setpoint-device-agent/room-sensor/"
                        + device
                        + "/climate"))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /**
   * The stack's fleet state directory: {@code $SETPOINT_DATA/device-fleet} of the stack {@code
   * ./setpoint test} runs on.
   */
  public static Path fleetStateDir() {
    String data = System.getenv("SETPOINT_DATA");
    assertNotNull(
        data, "SETPOINT_DATA is not set: run the end-to-end tests through ./setpoint test");
    return Path.of(data, "device-fleet");
  }

  /**
   * Runs {@code ./setpoint <command> fleet} against this test server, with a fleet of one simulated
   * room and no rack sensors, and answers its output; fails on a non-zero exit.
   */
  public static String fleet(String command) throws IOException, InterruptedException {
    String cli = System.getenv("SETPOINT_CLI");
    assertNotNull(cli, "SETPOINT_CLI is not set: run the end-to-end tests through ./setpoint test");
    ProcessBuilder builder = new ProcessBuilder(cli, command, "fleet").redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("SETPOINT_FLEET_SIZE", "1");
    env.put("SETPOINT_FLEET_RACK_SENSORS", "0");
    // the fleet posts over HTTPS; the stack asks for its enrolment code over loopback HTTP
    env.put("SETPOINT_HTTPS_PORT", System.getProperty("setpoint.it.https.port"));
    env.put("SETPOINT_HTTP_PORT", System.getProperty("setpoint.it.http.port"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertEquals(0, process.exitValue(), "./setpoint " + command + " fleet:\n" + output);
    return output;
  }
}
