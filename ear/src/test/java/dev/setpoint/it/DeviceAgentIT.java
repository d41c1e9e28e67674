package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.Agents;
import dev.setpoint.device.DeviceAgent;
import dev.setpoint.device.config.Settings;
import dev.setpoint.device.edge.RegistrationException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device agent (the device module, run in this JVM through its public API, with the simulated
 * sensor) against the EAR test server: it enrols its one room-controller device with an operator's
 * one-time enrolment code (and keeps no operator credential), its events reach InfluxDB, an
 * operator's Core Command setpoint is applied and comes back as the points' {@code
 * current_setpoint}, and no setpoint outside the safe range reaches the actuator — the profile's
 * 18–27 refused at ingest, a narrower configured range refused by the agent.
 */
class DeviceAgentIT {
  @TempDir Path dir;

  @BeforeAll
  static void serverUp() {
    awaitReady(Duration.ofSeconds(180));
  }

  private Agents start(String device, Path state, Path codeFile, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--ingest.url=" + Edge.BASE,
                "--ingest.tls.pin=" + Edge.hubPin(),
                "--device.name=" + device,
                "--sensor=simulated",
                "--interval=1s",
                "--state.dir=" + state,
                "--enrolment.code-file=" + codeFile));
    args.addAll(List.of(extra));
    return Agents.start(Settings.resolve(args.toArray(String[]::new), Map.of()));
  }

  private static HttpResponse<String> operator(String method, String path, String body)
      throws Exception {
    return Edge.HTTP.send(
        HttpRequest.newBuilder(URI.create(Edge.BASE + path))
            .header("Authorization", "Bearer " + Edge.operatorToken())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(15))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> commandSetpoint(String device, String value)
      throws Exception {
    return operator(
        "PUT", "/api/v3/device/name/" + device + "/setpoint", "{\"setpoint\":\"" + value + "\"}");
  }

  /** current_setpoint of the device's points with an origin after {@code afterNanos}. */
  private static List<Double> currentSetpoints(String device, long afterNanos) throws Exception {
    List<Double> values = new ArrayList<>();
    for (JsonArray row :
        Edge.influx(
            "SELECT current_setpoint FROM climate WHERE device = '"
                + device
                + "' AND time > "
                + afterNanos)) {
      values.add(row.getJsonNumber(1).doubleValue());
    }
    return values;
  }

  private static long nowNanos() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  @Test
  void registersOnceReportsAndAppliesOnlySafeSetpoints() throws Exception {
    String device = "agent-it-" + UUID.randomUUID().toString().substring(0, 8);
    Path state = dir.resolve("state");
    Path codeFile = Enrolments.codeFile(dir.resolve("code"), device, "room-controller");

    // First start: enrols the one device, profile room-controller, keeps its token and deletes
    // the used code's file.
    try (Agents agents = start(device, state, codeFile)) {
      assertEquals(1, agents.agents().size());
      HttpResponse<String> registered = operator("GET", "/api/v3/device/name/" + device, null);
      assertEquals(200, registered.statusCode(), registered.body());
      assertEquals(
          "room-controller",
          Json.createReader(new StringReader(registered.body()))
              .readObject()
              .getJsonObject("device")
              .getString("profileName"));
      Properties tokens = new Properties();
      try (var in = Files.newBufferedReader(state.resolve("tokens.properties"))) {
        tokens.load(in);
      }
      assertTrue(tokens.getProperty(device, "").startsWith("spd_"), tokens.toString());
      assertFalse(Files.exists(codeFile), "the used enrolment code's file is deleted");
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(state.resolve("tokens.properties"))));

      // Its events reach InfluxDB, each with the setpoint in effect (the initial 24).
      Edge.awaitPoints(device, 3);
      List<Double> initial = currentSetpoints(device, 0);
      assertTrue(
          !initial.isEmpty() && initial.stream().allMatch(v -> v == 24.0), initial.toString());

      // An operator's command through Core Command is applied and acknowledged.
      HttpResponse<String> put = commandSetpoint(device, "22.5");
      assertEquals(200, put.statusCode(), put.body());
      long commanded = nowNanos();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> currentSetpoints(device, commanded).contains(22.5));
      assertEquals(22.5, agents.agents().get(0).guard().applied());

      // Outside the profile's 18..27: ingest refuses it; it is never stored as a command.
      HttpResponse<String> tooWarm = commandSetpoint(device, "31");
      assertEquals(400, tooWarm.statusCode(), tooWarm.body());
      assertTrue(tooWarm.body().contains("setpoint"), tooWarm.body());
    }

    // Second start, with a narrower safe range and no code any more: it enrols nothing
    // (enrolment without a code would fail), it only finds its token.
    try (Agents agents = start(device, state, codeFile, "--setpoint.min=20", "--setpoint.max=25")) {
      DeviceAgent agent = agents.agents().get(0);
      long restarted = nowNanos();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> currentSetpoints(device, restarted).contains(22.5));

      // 19 fits the profile, so ingest stores the command, but not this room's 20..25.
      HttpResponse<String> tooCold = commandSetpoint(device, "19");
      assertEquals(200, tooCold.statusCode(), tooCold.body());
      long refused = nowNanos();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> currentSetpoints(device, refused).size() >= 4);
      assertEquals(22.5, agent.guard().applied(), "19 never reached the actuator");
      assertTrue(
          currentSetpoints(device, refused).stream().allMatch(v -> v == 22.5),
          currentSetpoints(device, refused).toString());
    }

    // A third start under another name with neither token nor code: it must enrol, and says
    // it cannot — so the second start above did not need to.
    assertThrows(
        RegistrationException.class, () -> start(device + "-new", state, codeFile).close());
  }
}
