package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.infrastructure.security.LocalIssuer.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerTest {
  private static final KeyPair PAIR = KeysForTests.rsa(2048);
  private static final String HASH =
      Pbkdf2PasswordHash.of("right".toCharArray(), 1_000, new SecureRandom()).format();

  @TempDir Path dir;
  private Path key;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));

  @BeforeEach
  void writeKey() throws IOException {
    key = KeysForTests.pem(dir.resolve("k.pem"), "PRIVATE KEY", PAIR.getPrivate().getEncoded());
  }

  private LocalIssuer issuer(Optional<Path> privateKey, Optional<String> hash) {
    return new LocalIssuer(
        privateKey,
        hash,
        "urn:test:issuer",
        "operator",
        Duration.ofMinutes(15),
        new LoginThrottle(3, Duration.ofMinutes(1), clock),
        clock);
  }

  @Test
  void theRightCredentialsGetASignedOperatorJwt() throws GeneralSecurityException {
    Outcome outcome = issuer(Optional.of(key), Optional.of(HASH)).login("operator", "right", "a");

    Outcome.Issued issued = assertInstanceOf(Outcome.Issued.class, outcome);
    assertEquals(Duration.ofMinutes(15), issued.expiresIn());
    assertTrue(JwtSignerTest.verifies(issued.token(), PAIR.getPublic()));
    JsonObject claims = JwtSignerTest.part(issued.token(), 1);
    long now = clock.instant().getEpochSecond();
    assertEquals("urn:test:issuer", claims.getString("iss"));
    assertEquals("operator", claims.getString("sub"));
    assertEquals("operator", claims.getString("upn"));
    assertEquals(Json.createArrayBuilder().add("operator").build(), claims.getJsonArray("groups"));
    assertEquals(now, claims.getJsonNumber("iat").longValue());
    assertEquals(now + 900, claims.getJsonNumber("exp").longValue());
    UUID.fromString(claims.getString("jti"));
  }

  @Test
  void aWrongPasswordOrUserIsRefusedAndRepeatedAttemptsAreThrottled() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));

    assertInstanceOf(Outcome.Refused.class, issuer.login("operator", "wrong", "a"));
    assertInstanceOf(Outcome.Refused.class, issuer.login("admin", "right", "a"));
    assertInstanceOf(Outcome.Refused.class, issuer.login("operator", "Right", "a"));
    Outcome.Throttled throttled =
        assertInstanceOf(Outcome.Throttled.class, issuer.login("operator", "right", "a"));
    assertEquals(60, throttled.retryAfterSeconds());
    assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "b"));
  }

  @Test
  void offWithoutAKeyAndUnavailableWhenMisconfigured() {
    assertInstanceOf(
        Outcome.Disabled.class,
        issuer(Optional.empty(), Optional.of(HASH)).login("operator", "right", "a"));
    assertInstanceOf(
        Outcome.Unavailable.class,
        issuer(Optional.of(key), Optional.empty()).login("operator", "right", "a"));
    assertInstanceOf(
        Outcome.Unavailable.class,
        issuer(Optional.of(dir.resolve("missing.pem")), Optional.of(HASH))
            .login("operator", "right", "a"));
    assertInstanceOf(
        Outcome.Unavailable.class,
        issuer(Optional.of(key), Optional.of("plain-text")).login("operator", "right", "a"));
  }
}
