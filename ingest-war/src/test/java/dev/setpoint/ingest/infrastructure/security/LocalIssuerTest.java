package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.MemoryTokenSessions;
import dev.setpoint.ingest.application.AuditTrail;
import dev.setpoint.ingest.application.TokenRevocations;
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
  private final MemoryTokenSessions sessions = new MemoryTokenSessions();
  private final TokenRevocations revocations =
      new TokenRevocations(
          sessions, new AuditTrail(message -> {}, null, clock), Duration.ofMinutes(15), clock);

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
    return issuer(privateKey, List.of(), hash);
  }

  private LocalIssuer issuer(
      Optional<Path> privateKey, List<Path> formerKeys, Optional<String> hash) {
    AuditTrail audit = new AuditTrail(message -> {}, null, clock);
    return new LocalIssuer(
        privateKey,
        formerKeys,
        hash,
        new LocalIssuer.Tokens(
            "urn:test:issuer", "setpoint", "operator", Duration.ofMinutes(15), Duration.ofHours(8)),
        new UserService(store, hasher, audit, revocations, "operator", hash, clock),
        revocations,
        sessions,
        new LoginThrottle(
            new LoginThrottle.Settings(
                3,
                Duration.ofSeconds(2),
                Duration.ofMinutes(15),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofDays(30),
                100),
            clock),
        new PasswordCheckGate(2),
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
    assertEquals("setpoint", claims.getString("aud"));
    assertEquals(
        JwtSigner.keyId((java.security.interfaces.RSAPrivateKey) PAIR.getPrivate()).orElseThrow(),
        JwtSignerTest.part(issued.token(), 0).getString("kid"));
    UUID.fromString(claims.getString("sid"));
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
  void aWrongPasswordOrUserIsRefusedAndRepeatedAttemptsAreDelayed() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "home"));

    assertInstanceOf(Outcome.Refused.class, issuer.login("operator", "wrong", "a"));
    assertInstanceOf(Outcome.Refused.class, issuer.login("admin", "right", "a"));
    assertInstanceOf(Outcome.Refused.class, issuer.login("operator", "Right", "a"));
    assertInstanceOf(Outcome.Refused.class, issuer.login("operator", "wrong", "a"));
    Outcome.Throttled throttled =
        assertInstanceOf(Outcome.Throttled.class, issuer.login("operator", "right", "a"));
    assertEquals(2, throttled.retryAfterSeconds(), "the first delay after the free failures");
    assertInstanceOf(Outcome.Refused.class, issuer.login("operator", "wrong", "b"));
    assertInstanceOf(
        Outcome.Throttled.class,
        issuer.login("operator", "right", "c"),
        "the user name is delayed for an address it never logged in from");
    assertInstanceOf(
        Outcome.Issued.class,
        issuer.login("operator", "right", "home"),
        "but not for the operator's own address");
  }

  @Test
  void aRefreshIssuesNewTokensOfTheSameSessionOnceAndAReuseRevokesTheSession() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    Outcome.Issued first =
        assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "a"));
    assertFalse(
        sessions.refresh.keySet().stream().anyMatch(first.refreshToken()::equals),
        "stored as a hash only");
    clock.advance(60_000);

    Outcome.Issued second =
        assertInstanceOf(Outcome.Issued.class, issuer.refresh(first.refreshToken()));
    JsonObject claims = JwtSignerTest.part(second.token(), 1);
    String session = JwtSignerTest.part(first.token(), 1).getString("sid");
    assertEquals(session, claims.getString("sid"));
    assertNotEquals(first.refreshToken(), second.refreshToken());

    assertInstanceOf(Outcome.Refused.class, issuer.refresh(first.refreshToken()), "used before");
    assertTrue(
        revocations.revoked("operator", "x", session, claims.getJsonNumber("iat").longValue()),
        "the reuse revoked the session's access tokens");
    assertInstanceOf(
        Outcome.Refused.class, issuer.refresh(second.refreshToken()), "and its refresh tokens");
    assertInstanceOf(Outcome.Refused.class, issuer.refresh("never-issued"));
  }

  @Test
  void aRefreshTokenExpiresAndFollowsTheUsersState() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    Instant at = clock.instant();
    store.add(
        new User("ann", Role.OPERATOR, hasher.hash(annPassword.toCharArray()), false, at, at));
    Outcome.Issued ann =
        assertInstanceOf(Outcome.Issued.class, issuer.login("ann", annPassword, "a"));
    Outcome.Issued boot =
        assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "a"));

    store.update(store.users.get("ann").with(Role.OPERATOR, true, at));
    assertInstanceOf(Outcome.Refused.class, issuer.refresh(ann.refreshToken()), "disabled");

    clock.advance(Duration.ofHours(8).toMillis());
    assertInstanceOf(Outcome.Refused.class, issuer.refresh(boot.refreshToken()), "expired");
  }

  @Test
  void aLogoutRevokesTheTokenAndItsSession() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    Outcome.Issued issued =
        assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "a"));
    JsonObject claims = JwtSignerTest.part(issued.token(), 1);

    issuer.logout(
        "operator",
        claims.getString("jti"),
        claims.getString("sid"),
        claims.getJsonNumber("exp").longValue(),
        new dev.setpoint.contracts.audit.AuditActor("operator", "admin", "a"));

    assertTrue(
        revocations.revoked(
            "operator",
            claims.getString("jti"),
            claims.getString("sid"),
            claims.getJsonNumber("iat").longValue()));
    assertInstanceOf(Outcome.Refused.class, issuer.refresh(issued.refreshToken()));
    Outcome.Issued again =
        assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "a"));
    JsonObject next = JwtSignerTest.part(again.token(), 1);
    assertFalse(
        revocations.revoked(
            "operator",
            next.getString("jti"),
            next.getString("sid"),
            next.getJsonNumber("iat").longValue()),
        "a new login is a new session");
  }

  @Test
  void aTokenIssuedInTheSecondOfAResetIsNotCaughtByIt() {
    LocalIssuer issuer = issuer(Optional.of(key), Optional.of(HASH));
    revocations.revokeAll(
        "operator", new dev.setpoint.contracts.audit.AuditActor("boot", "admin", null));
    Outcome.Issued issued =
        assertInstanceOf(Outcome.Issued.class, issuer.login("operator", "right", "a"));
    JsonObject claims = JwtSignerTest.part(issued.token(), 1);
    long iat = claims.getJsonNumber("iat").longValue();
    assertFalse(revocations.revoked("operator", claims.getString("jti"), null, iat));
    assertEquals(iat + 900, claims.getJsonNumber("exp").longValue());
  }

  @Test
  void theKeySetListsTheCurrentAndTheFormerKeys() throws IOException {
    KeyPair former = KeysForTests.rsa(2048);
    Path formerPem =
        KeysForTests.pem(dir.resolve("former.pem"), "PUBLIC KEY", former.getPublic().getEncoded());
    JsonObject set = issuer(Optional.of(key), List.of(formerPem), Optional.of(HASH)).keySet();

    assertEquals(2, set.getJsonArray("keys").size());
    assertEquals(
        JwtSigner.keyId((java.security.interfaces.RSAPrivateKey) PAIR.getPrivate()).orElseThrow(),
        set.getJsonArray("keys").getJsonObject(0).getString("kid"));
    assertEquals("RSA", set.getJsonArray("keys").getJsonObject(1).getString("kty"));
    assertEquals(
        0,
        issuer(Optional.empty(), Optional.of(HASH)).keySet().getJsonArray("keys").size(),
        "none while the issuer is off");
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
