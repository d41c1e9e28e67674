package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.application.AuditTrail;
import dev.setpoint.ingest.application.UserService;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.User;
import dev.setpoint.ingest.domain.Users;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerTest {
  private final String annPassword = "pw-" + java.util.UUID.randomUUID();

  private static final KeyPair PAIR = KeysForTests.rsa(2048);
  private static final String HASH =
      Pbkdf2PasswordHash.of("right".toCharArray(), 1_000, new SecureRandom()).format();

  @TempDir Path dir;
  private Path key;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher(1_000);
  private final MapUsers store = new MapUsers();

  /** Users in a map (test code); {@code down} makes them fail as an unreachable store does. */
  private static final class MapUsers implements Users {
    final Map<String, User> users = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public Optional<User> find(String username) {
      if (down) {
        throw new StoreUnavailableException("down (test)");
      }
      return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<User> all() {
      return List.copyOf(users.values());
    }

    @Override
    public void add(User user) {
      users.put(user.username(), user);
    }

    @Override
    public void update(User user) {
      users.put(user.username(), user);
    }
  }

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
        new UserService(
            store, hasher, new AuditTrail(message -> {}, null, clock), "operator", hash, clock),
        new LoginThrottle(3, Duration.ofMinutes(1), clock),
        clock);
  }

  @Test
  void theBootstrapUserGetsASignedAdminJwt() throws GeneralSecurityException {
    Outcome outcome = issuer(Optional.of(key), Optional.of(HASH)).login("operator", "right", "a");

    Outcome.Issued issued = assertInstanceOf(Outcome.Issued.class, outcome);
    assertEquals(Duration.ofMinutes(15), issued.expiresIn());
    assertEquals(Role.ADMIN, issued.role());
    assertTrue(JwtSignerTest.verifies(issued.token(), PAIR.getPublic()));
    JsonObject claims = JwtSignerTest.part(issued.token(), 1);
    long now = clock.instant().getEpochSecond();
    assertEquals("urn:test:issuer", claims.getString("iss"));
    assertEquals("operator", claims.getString("sub"));
    assertEquals("operator", claims.getString("upn"));
    assertEquals(Json.createArrayBuilder().add("admin").build(), claims.getJsonArray("groups"));
    assertEquals(now, claims.getJsonNumber("iat").longValue());
    assertEquals(now + 900, claims.getJsonNumber("exp").longValue());
    UUID.fromString(claims.getString("jti"));
  }

  @Test
  void aStoredUserGetsAJwtOfItsRoleUnlessDisabled() throws GeneralSecurityException {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    Instant at = clock.instant();
    store.add(new User("ann", Role.VIEWER, hasher.hash(annPassword.toCharArray()), false, at, at));

    Outcome.Issued issued =
        assertInstanceOf(Outcome.Issued.class, issuer.login("ann", annPassword, "a"));
    assertEquals(Role.VIEWER, issued.role());
    assertTrue(JwtSignerTest.verifies(issued.token(), PAIR.getPublic()));
    JsonObject claims = JwtSignerTest.part(issued.token(), 1);
    assertEquals("ann", claims.getString("upn"));
    assertEquals("ann", claims.getString("sub"));
    assertEquals("ann", claims.getString("preferred_username"));
    assertEquals(Json.createArrayBuilder().add("viewer").build(), claims.getJsonArray("groups"));

    store.update(store.users.get("ann").with(Role.VIEWER, true, at));
    assertInstanceOf(Outcome.Refused.class, issuer.login("ann", annPassword, "b"));
  }

  @Test
  void anUnreachableUserStoreIsA503ButTheBootstrapUserStillLogsIn() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    store.down = true;
    assertInstanceOf(Outcome.StoreUnavailable.class, issuer.login("ann", "whatever", "a"));
    assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "a"));
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
