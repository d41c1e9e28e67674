package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.MemoryTokenSessions;
import dev.setpoint.ingest.application.UserService.Authentication;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserServiceTest {
  // Made per run: no credential-like literal in the sources.
  private static final String PASSWORD = "pw-" + UUID.randomUUID();
  private static final String BOOT_PASSWORD = "pw-" + UUID.randomUUID();
  private static final String NEW_PASSWORD = "pw-" + UUID.randomUUID();

  private static final AuditActor BOOT = new AuditActor("boot", "admin", "192.0.2.7");
  private static final AuditActor ANN = new AuditActor("ann", "admin", "192.0.2.8");

  private final Fakes.UserStore store = new Fakes.UserStore();
  private final Fakes.Outbox outbox = new Fakes.Outbox();
  private final Fakes.CountingHasher hasher = new Fakes.CountingHasher();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final MemoryTokenSessions sessions = new MemoryTokenSessions();
  private final TokenRevocations revocations =
      new TokenRevocations(sessions, Fakes.audit(outbox), Duration.ofMinutes(10), clock);
  private final UserService users =
      new UserService(
          store,
          hasher,
          Fakes.audit(outbox),
          revocations,
          "boot",
          Optional.of(hasher.hash(BOOT_PASSWORD.toCharArray())),
          clock);

  private Authentication login(String name, String password) {
    return users.authenticate(name, password.toCharArray());
  }

  @Test
  void theBootstrapUserIsAnAdminCheckedWithoutTheStore() {
    store.down = true;
    assertEquals(new Authentication.Accepted("boot", Role.ADMIN), login("boot", BOOT_PASSWORD));
    assertInstanceOf(
        Authentication.Refused.class,
        login("boot", BOOT_PASSWORD.toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void aCreatedUserLogsInWithItsRoleAndIsStoredWithAHashOnly() {
    UserAccount created = users.create("ann", "viewer", PASSWORD, BOOT);

    assertEquals(
        new UserAccount("ann", Role.VIEWER, false, clock.instant(), clock.instant(), false),
        created);
    assertFalse(store.users.get("ann").passwordHash().contains(PASSWORD));
    assertEquals(new Authentication.Accepted("ann", Role.VIEWER), login("ann", PASSWORD));
    assertEquals(
        new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD), login("ann", "nope"));
  }

  @Test
  void everyLoginRunsExactlyOneHashCheckWhoeverTheUser() {
    users.create("ann", "operator", PASSWORD, BOOT);
    users.change("ann", Optional.empty(), Optional.of(true), BOOT);
    users.create("bob", "operator", PASSWORD, BOOT);

    for (String name : List.of("ann", "bob", "nobody", "boot")) {
      int before = hasher.checks.get();
      login(name, PASSWORD);
      assertEquals(before + 1, hasher.checks.get(), name);
    }
    assertEquals(
        new Authentication.Refused(Authentication.Reason.UNKNOWN_USER), login("nobody", PASSWORD));
  }

  @Test
  void aDisabledUserCannotLogInEvenWithTheRightPasswordUntilEnabled() {
    users.create("ann", "operator", PASSWORD, BOOT);
    clock.advance(60_000);
    UserAccount disabled = users.change("ann", Optional.empty(), Optional.of(true), BOOT);

    assertTrue(disabled.disabled());
    assertEquals(clock.instant(), disabled.updatedAt());
    assertEquals(
        new Authentication.Refused(Authentication.Reason.DISABLED), login("ann", PASSWORD));

    users.change("ann", Optional.empty(), Optional.of(false), BOOT);
    assertEquals(new Authentication.Accepted("ann", Role.OPERATOR), login("ann", PASSWORD));
  }

  @Test
  void theListStartsWithTheBootstrapUserWithoutTimes() {
    users.create("ann", "viewer", PASSWORD, BOOT);

    List<UserAccount> all = users.list();

    assertEquals(2, all.size());
    UserAccount boot = all.get(0);
    assertEquals("boot", boot.username());
    assertEquals(Role.ADMIN, boot.role());
    assertTrue(boot.bootstrap());
    assertNull(boot.createdAt());
    assertEquals("ann", all.get(1).username());
    assertFalse(all.get(1).bootstrap());
  }

  @Test
  void aNameIsTakenOnceAndTheBootstrapNameNever() {
    users.create("ann", "viewer", PASSWORD, BOOT);
    assertThrows(UserConflictException.class, () -> users.create("ann", "admin", PASSWORD, BOOT));
    assertThrows(UserConflictException.class, () -> users.create("boot", "admin", PASSWORD, BOOT));
  }

  @Test
  void badFieldsAreNamed() {
    assertEquals(
        "username",
        assertThrows(
                InvalidUserException.class, () -> users.create("Ann", "viewer", PASSWORD, BOOT))
            .field());
    assertEquals(
        "role",
        assertThrows(InvalidUserException.class, () -> users.create("ann", "root", PASSWORD, BOOT))
            .field());
    assertEquals(
        "password",
        assertThrows(InvalidUserException.class, () -> users.create("ann", "viewer", "short", BOOT))
            .field());
    users.create("ann", "viewer", PASSWORD, BOOT);
    assertEquals(
        "role",
        assertThrows(
                InvalidUserException.class,
                () -> users.change("ann", Optional.of("boss"), Optional.empty(), BOOT))
            .field());
    assertEquals(
        "password",
        assertThrows(InvalidUserException.class, () -> users.setPassword("ann", "short", BOOT))
            .field());
    assertEquals(1, store.users.size());
  }

  @Test
  void unknownUsersAre404AndTheBootstrapUserIsNotChangedThroughTheApi() {
    assertThrows(
        UnknownUserException.class,
        () -> users.change("ghost", Optional.of("viewer"), Optional.empty(), BOOT));
    assertThrows(UnknownUserException.class, () -> users.setPassword("ghost", PASSWORD, BOOT));
    assertThrows(
        UserConflictException.class,
        () -> users.change("boot", Optional.of("viewer"), Optional.empty(), ANN));
    assertThrows(UserConflictException.class, () -> users.setPassword("boot", PASSWORD, ANN));
  }

  @Test
  void anAdminCannotDemoteOrDisableThemselfButAnotherAdminCan() {
    users.create("ann", "admin", PASSWORD, BOOT);

    assertThrows(
        UserConflictException.class,
        () -> users.change("ann", Optional.of("operator"), Optional.empty(), ANN));
    assertThrows(
        UserConflictException.class,
        () -> users.change("ann", Optional.empty(), Optional.of(true), ANN));
    assertEquals(
        Role.ADMIN, users.change("ann", Optional.of("admin"), Optional.empty(), ANN).role());

    assertEquals(
        Role.OPERATOR, users.change("ann", Optional.of("operator"), Optional.empty(), BOOT).role());
  }

  @Test
  void aNewPasswordReplacesTheOld() {
    users.create("ann", "viewer", PASSWORD, BOOT);
    users.setPassword("ann", NEW_PASSWORD, BOOT);

    assertInstanceOf(Authentication.Refused.class, login("ann", PASSWORD));
    assertEquals(new Authentication.Accepted("ann", Role.VIEWER), login("ann", NEW_PASSWORD));
  }

  @Test
  void anUnreachableStoreIsReportedNotTakenForAnUnknownUser() {
    store.down = true;
    assertThrows(StoreUnavailableException.class, () -> login("ann", PASSWORD));
  }

  @Test
  void withoutABootstrapHashThereIsNoBootstrapUser() {
    UserService none =
        new UserService(
            store, hasher, Fakes.audit(outbox), revocations, "boot", Optional.empty(), clock);
    assertEquals(List.of(), none.list());
    assertEquals(
        new Authentication.Refused(Authentication.Reason.UNKNOWN_USER),
        none.authenticate("boot", BOOT_PASSWORD.toCharArray()));
  }

  @Test
  void everyChangeOfAUserIsAuditedWithWhoBeforeAndAfterButNoSecret() {
    users.create("ann", "viewer", PASSWORD, BOOT);
    users.change("ann", Optional.of("operator"), Optional.empty(), BOOT);
    users.setPassword("ann", NEW_PASSWORD, BOOT);

    // the reset password also revokes ann's tokens: a record of kind token
    List<AuditRecord> records =
        outbox.records().stream().filter(r -> r.kind().equals("user")).toList();
    assertEquals(
        List.of("create", "update", "update"), records.stream().map(AuditRecord::action).toList());
    for (AuditRecord r : records) {
      assertEquals("user", r.kind());
      assertEquals("ann", r.target());
      assertEquals("boot", r.actor());
      assertEquals("192.0.2.7", r.address());
      String both = r.before() + " " + r.after();
      assertFalse(both.contains(PASSWORD) || both.contains(NEW_PASSWORD), both);
      assertFalse(both.contains("passwordHash"), both);
    }
    assertEquals(null, records.get(0).before());
    assertTrue(records.get(1).before().contains("\"viewer\""), records.get(1).before());
    assertTrue(records.get(1).after().contains("\"operator\""), records.get(1).after());
  }

  @Test
  void aResetPasswordRevokesEveryTokenTheUserWasIssuedBefore() {
    users.create("ann", "operator", PASSWORD, BOOT);
    long before = clock.instant().getEpochSecond();
    clock.advance(5_000);

    users.setPassword("ann", NEW_PASSWORD, BOOT);

    assertTrue(revocations.revoked("ann", "any-jti", "any-sid", before + 5));
    assertFalse(revocations.revoked("bob", "any-jti", "any-sid", before + 5), "only ann's");
    long next = revocations.earliestIssuedAt("ann");
    assertFalse(revocations.revoked("ann", "new-jti", "new-sid", next), "a token after it works");
    assertEquals(1, sessions.revoked.size(), "stored, so it outlives a restart");
    assertEquals(
        "token",
        outbox.records().stream()
            .map(AuditRecord::kind)
            .filter("token"::equals)
            .findFirst()
            .orElse(null),
        "audited: that is how analytics learns it");
  }

  @Test
  void disablingOrDemotingRevokesButPromotingDoesNot() {
    users.create("ann", "operator", PASSWORD, BOOT);
    long iat = clock.instant().getEpochSecond();
    users.change("ann", Optional.of("admin"), Optional.empty(), BOOT);
    assertFalse(revocations.revoked("ann", "j", "s", iat));
    users.change("ann", Optional.of("viewer"), Optional.empty(), BOOT);
    assertTrue(revocations.revoked("ann", "j", "s", iat));

    users.create("bob", "operator", PASSWORD, BOOT);
    users.change("bob", Optional.empty(), Optional.of(true), BOOT);
    assertTrue(revocations.revoked("bob", "j", "s", iat));
  }
}
