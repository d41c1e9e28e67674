package dev.setpoint.it.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.Edge;
import dev.setpoint.it.Enrolments;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enrolment without shared secrets, attacked: a device trades a single-use, expiring code that an
 * operator made for it for its own token, and nothing else. A used code, an expired one, a code for
 * other profiles get nothing; a stolen fleet state directory holds no operator credential.
 */
class EnrolmentAttackIT {
  private static final String SENSOR = "room-sensor";

  @BeforeAll
  static void serverUp() {
    HttpClient http = Edge.client().build();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(URI.create(Enrolments.base() + "/health/ready"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  private static String name(String what) {
    return "enrol-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String message(HttpResponse<String> response) {
    return Enrolments.json(response.body()).getString("message");
  }

  @Test
  void aUsedCodeCannotEnrolAgain() throws Exception {
    String device = name("once");
    Enrolments.Code code = Enrolments.forDevices(List.of(device), null, SENSOR);

    HttpResponse<String> first = Enrolments.trade(code.code(), Enrolments.devices(SENSOR, device));
    assertEquals(201, first.statusCode(), first.body());

    // The same code again, for the same device (a replayed request) or another one.
    HttpResponse<String> replay = Enrolments.trade(code.code(), Enrolments.devices(SENSOR, device));
    HttpResponse<String> other =
        Enrolments.trade(code.code(), Enrolments.devices(SENSOR, name("other")));
    for (HttpResponse<String> refused : List.of(replay, other)) {
      assertEquals(401, refused.statusCode(), refused.body());
      assertTrue(refused.headers().firstValue("Content-Type").orElse("").contains("json"));
    }
    assertEquals(message(replay), message(other));

    // The operator's listing shows the code used, never the code itself.
    HttpResponse<String> listed = Enrolments.asOperator("GET", "/api/enrolment/codes", null);
    assertEquals(200, listed.statusCode(), listed.body());
    assertFalse(listed.body().contains(code.code()), "the listing never shows a code");
    JsonObject entry =
        Enrolments.json(listed.body()).getJsonArray("codes").stream()
            .map(v -> v.asJsonObject())
            .filter(c -> c.getString("id").equals(code.id()))
            .findFirst()
            .orElseThrow();
    assertEquals("used", entry.getString("state"));
  }

  @Test
  void anExpiredCodeIsRefusedLikeAGuessedOne() throws Exception {
    String device = name("late");
    Enrolments.Code code = Enrolments.forDevices(List.of(device), "PT1S", SENSOR);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Instant.now().isAfter(code.expiresAt().plusMillis(200)));

    HttpResponse<String> expired =
        Enrolments.trade(code.code(), Enrolments.devices(SENSOR, device));
    HttpResponse<String> guessed =
        Enrolments.trade(
            "spe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 27),
            Enrolments.devices(SENSOR, device));

    assertEquals(401, expired.statusCode(), expired.body());
    assertEquals(401, guessed.statusCode(), guessed.body());
    assertEquals(message(guessed), message(expired), "no hint which");
    assertEquals(
        404,
        Enrolments.asOperator("GET", "/api/v3/device/name/" + device, null).statusCode(),
        "nothing was registered");
  }

  @Test
  void aCodeForRoomSensorsCannotRegisterAnAirConditioner() throws Exception {
    String device = name("ac");
    Enrolments.Code code = Enrolments.forBatch(2, SENSOR);

    HttpResponse<String> refused =
        Enrolments.trade(code.code(), Enrolments.devices("air-conditioner", device));

    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(message(refused).contains("'air-conditioner'"), refused.body());
    assertEquals(
        404, Enrolments.asOperator("GET", "/api/v3/device/name/" + device, null).statusCode());
  }

  @Test
  void aDeviceTokenObtainedByEnrolmentPostsEventsForItsDeviceOnly() throws Exception {
    String device = name("posts");
    String neighbour = name("neighbour");
    Enrolments.Code code = Enrolments.forBatch(2, SENSOR);

    HttpResponse<String> enrolled =
        Enrolments.trade(code.code(), Enrolments.devices(SENSOR, device, neighbour));
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    assertEquals("no-store", enrolled.headers().firstValue("Cache-Control").orElse(""));
    String token =
        Enrolments.json(enrolled.body())
            .getJsonArray("devices")
            .getJsonObject(0)
            .getString("token");

    HttpResponse<String> posted = Enrolments.postClimate(device, token);
    assertEquals(201, posted.statusCode(), posted.body());
    HttpResponse<String> asNeighbour = Enrolments.postClimate(neighbour, token);
    assertEquals(403, asNeighbour.statusCode(), asNeighbour.body());
  }

  @Test
  void aStolenFleetStateDirHoldsNoOperatorCredential() throws Exception {
    Path state = Enrolments.fleetStateDir();
    // A first start of the fleet enrols (a device kept from an earlier run gets a new token).
    Files.deleteIfExists(state.resolve("tokens.properties"));
    try {
      Enrolments.fleet("start");
      String tokens = Files.readString(state.resolve("tokens.properties"));
      assertTrue(tokens.contains("sim-0001=spd_"), tokens);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(state)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        String name = state.relativize(file).toString();
        assertFalse(name.contains("operator") || name.contains("enrolment"), name);
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        // A JWT's header is Base64 JSON, "eyJ..."; no enrolment code stays either.
        assertFalse(content.contains("eyJ"), name + " holds something like a JWT");
        assertFalse(content.contains("spe_"), name + " holds an enrolment code");
      }
    } finally {
      Enrolments.fleet("stop");
    }
  }
}
