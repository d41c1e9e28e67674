package dev.setpoint.it.security;

import static dev.setpoint.it.Logins.call;
import static dev.setpoint.it.Logins.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.Logins;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the operators' login and tokens, end to end against the EAR: a password-guessing flood
 * from many addresses, and tokens used after logout, after a password reset, reused after a
 * refresh, or minted for another audience. Each login costs a 600,000-iteration PBKDF2, so the
 * flood shows the bound (the delay starts after a handful of failures, and answers without
 * hashing), not the load.
 */
class LoginAndTokenAttackIT {
  /** An ingest endpoint for every role. */
  private static final String INGEST = "/api/v3/device/all";

  /** An analytics endpoint for every role (analytics learns revocations through Kafka). */
  private static final String ANALYTICS = "/analytics/api/v1/devices";

  /** How long a revocation may take to reach analytics: outbox, relay, Kafka, consumer. */
  private static final Duration PROPAGATION = Duration.ofSeconds(90);

  @BeforeAll
  static void serverIsReady() {
    Logins.awaitReady(Duration.ofSeconds(120));
  }

  @Test
  void aLoginFloodFromManyAddressesDoesNotLockOutTheRealOperator() throws Exception {
    Logins.User victim = Logins.newUser("operator");
    String home = "198.51.100.7";
    Logins.loggedIn(victim, home);

    // Wrong guesses at the victim's name, each from a fresh address: no address is ever over its
    // own budget, yet after the user name's free failures every new address is delayed, answered
    // before any hashing.
    int refusedUnhashed = 0;
    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> guess =
          Logins.login(victim.username(), "guess-" + UUID.randomUUID(), "203.0.113." + i);
      if (guess.statusCode() == 429) {
        refusedUnhashed++;
        assertTrue(guess.headers().firstValue("Retry-After").isPresent(), guess.body());
        assertTrue(json(guess).getString("message").contains("retry after"), guess.body());
      } else {
        assertEquals(401, guess.statusCode(), guess.body());
      }
    }
    assertTrue(refusedUnhashed >= 3, "the user name is delayed after its free failures");

    HttpResponse<String> stranger =
        Logins.login(victim.username(), victim.password(), "192.0.2.200");
    assertEquals(429, stranger.statusCode(), "a new address waits out the user name's delay");
    long wait = Long.parseLong(stranger.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(wait >= 1 && wait <= 60, "at most the user-name cap: " + wait);

    // The real operator, from their own address, with the right password: in, at once.
    JsonObject in = Logins.loggedIn(victim, home);
    assertEquals(200, call("GET", INGEST, in.getString("access_token"), null, null).statusCode());
  }

  @Test
  void aTokenAfterLogoutIsRefusedAtIngestAndAnalytics() throws Exception {
    Logins.User user = Logins.newUser("viewer");
    JsonObject in = Logins.loggedIn(user, null);
    String token = in.getString("access_token");
    assertEquals(200, call("GET", INGEST, token, null, null).statusCode());
    assertEquals(200, call("GET", ANALYTICS, token, null, null).statusCode());

    HttpResponse<String> logout = call("POST", "/api/auth/logout", token, null, null);
    assertEquals(204, logout.statusCode(), logout.body());

    assertRevoked(call("GET", INGEST, token, null, null));
    await("analytics refuses the logged-out token")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> call("GET", ANALYTICS, token, null, null).statusCode() == 401);
    assertEquals(401, refresh(in.getString("refresh_token")).statusCode(), "the session is gone");
  }

  @Test
  void aTokenAfterAPasswordResetIsRefused() throws Exception {
    Logins.User user = Logins.newUser("operator");
    JsonObject in = Logins.loggedIn(user, null);
    String token = in.getString("access_token");
    assertEquals(200, call("GET", ANALYTICS, token, null, null).statusCode());

    String newPassword = UUID.randomUUID() + "-" + UUID.randomUUID();
    HttpResponse<String> reset =
        Logins.asBootstrapAdmin(
            "PUT",
            "/api/users/" + user.username() + "/password",
            Json.createObjectBuilder().add("password", newPassword).build().toString());
    assertEquals(204, reset.statusCode(), reset.body());

    assertRevoked(call("GET", INGEST, token, null, null));
    assertEquals(401, refresh(in.getString("refresh_token")).statusCode());
    await("analytics refuses the token of before the reset")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> call("GET", ANALYTICS, token, null, null).statusCode() == 401);

    // the control: the new password's token works at once, in the second of the reset or not
    JsonObject again =
        Logins.loggedIn(new Logins.User(user.username(), newPassword, user.role()), null);
    String fresh = again.getString("access_token");
    assertEquals(200, call("GET", INGEST, fresh, null, null).statusCode());
    assertEquals(200, call("GET", ANALYTICS, fresh, null, null).statusCode());
  }

  @Test
  void aReusedRefreshTokenIsRefusedAndRevokesItsSession() throws Exception {
    Logins.User user = Logins.newUser("viewer");
    JsonObject in = Logins.loggedIn(user, null);

    HttpResponse<String> refreshed = refresh(in.getString("refresh_token"));
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    JsonObject next = json(refreshed);
    String token = next.getString("access_token");
    assertEquals(200, call("GET", INGEST, token, null, null).statusCode());
    assertEquals(200, call("GET", ANALYTICS, token, null, null).statusCode());

    // the first refresh token again, as a thief who copied it would
    HttpResponse<String> reused = refresh(in.getString("refresh_token"));
    assertEquals(401, reused.statusCode(), reused.body());
    assertRevoked(call("GET", INGEST, token, null, null));
    assertEquals(401, refresh(next.getString("refresh_token")).statusCode());
  }

  @Test
  void aTokenForAnotherAudienceIsRefusedAtIngestAndAnalytics() throws Exception {
    JsonObject claims = payload(Logins.loggedIn(Logins.newUser("viewer"), null));
    // the issuer's own key and claims, minted for some other service
    String other = sign(Json.createObjectBuilder(claims).add("aud", "another-service").build());
    String none = sign(Json.createObjectBuilder(claims).remove("aud").build());
    String same = sign(Json.createObjectBuilder(claims).add("jti", "" + UUID.randomUUID()).build());

    HttpResponse<String> ingest = call("GET", INGEST, other, null, null);
    assertEquals(401, ingest.statusCode(), ingest.body());
    assertEquals(401, call("GET", ANALYTICS, other, null, null).statusCode());
    assertEquals(401, call("GET", INGEST, none, null, null).statusCode(), "no audience at all");
    // the control: the same claims and key with the right audience pass
    assertEquals(200, call("GET", INGEST, same, null, null).statusCode());
    assertEquals(200, call("GET", ANALYTICS, same, null, null).statusCode());
  }

  private static HttpResponse<String> refresh(String refreshToken) throws Exception {
    return call(
        "POST",
        "/api/auth/refresh",
        null,
        Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString(),
        null);
  }

  private static void assertRevoked(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertTrue(json(response).getString("message").contains("revoked"), response.body());
  }

  private static JsonObject payload(JsonObject login) {
    String part = login.getString("access_token").split("\\.")[1];
    return Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
        .readObject();
  }

  /** Signs claims with the test stack's issuer key, with the header the issuer writes. */
  private static String sign(JsonObject claims) throws Exception {
    String file = System.getProperty("setpoint.it.issuer.private-key.file", "");
    String pem = Files.readString(Path.of(file));
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header =
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String input =
        url.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + url.encodeToString(rs256.sign());
  }
}
