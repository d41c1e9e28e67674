package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.application.UserService.Authentication;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserServiceTest {
  private static final String PASSWORD = "correct horse battery";

  private final Fakes.UserStore store = new Fakes.UserStore();
  private final Fakes.CountingHasher hasher = new Fakes.CountingHasher();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final UserService users =
      new UserService(
          store, hasher, "boot", Optional.of(hasher.hash("bootstrap pass".toCharArray())), clock);

  private Authentication login(String name, String password) {
    return users.authenticate(name, password.toCharArray());
  }

  @Test
  void theBootstrapUserIsAnAdminCheckedWithoutTheStore() {
    store.down = true;
    assertEquals(new Authentication.Accepted("boot", Role.ADMIN), login("boot", "bootstrap pass"));
    assertInstanceOf(Authentication.Refused.class, login("boot", "bootstrap pasS"));
  }

  @Test
  void aCreatedUserLogsInWithItsRoleAndIsStoredWithAHashOnly() {
    UserAccount created = users.create("ann", "viewer", PASSWORD, "boot");

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
    users.create("ann", "operator", PASSWORD, "boot");
    users.change("ann", Optional.empty(), Optional.of(true), "boot");
    users.create("bob", "operator", PASSWORD, "boot");

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
    users.create("ann", "operator", PASSWORD, "boot");
    clock.advance(60_000);
    UserAccount disabled = users.change("ann", Optional.empty(), Optional.of(true), "boot");

    assertTrue(disabled.disabled());
    assertEquals(clock.instant(), disabled.updatedAt());
    assertEquals(
        new Authentication.Refused(Authentication.Reason.DISABLED), login("ann", PASSWORD));

    users.change("ann", Optional.empty(), Optional.of(false), "boot");
    assertEquals(new Authentication.Accepted("ann", Role.OPERATOR), login("ann", PASSWORD));
  }

  @Test
  void theListStartsWithTheBootstrapUserWithoutTimes() {
    users.create("ann", "viewer", PASSWORD, "boot");

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
    users.create("ann", "viewer", PASSWORD, "boot");
    assertThrows(UserConflictException.class, () -> users.create("ann", "admin", PASSWORD, "boot"));
    assertThrows(
        UserConflictException.class, () -> users.create("boot", "admin", PASSWORD, "boot"));
  }

  @Test
  void badFieldsAreNamed() {
    assertEquals(
        "username",
        assertThrows(
                InvalidUserException.class, () -> users.create("Ann", "viewer", PASSWORD, "boot"))
            .field());
    assertEquals(
        "role",
        assertThrows(
                InvalidUserException.class, () -> users.create("ann", "root", PASSWORD, "boot"))
            .field());
    assertEquals(
        "password",
        assertThrows(
                InvalidUserException.class, () -> users.create("ann", "viewer", "short", "boot"))
            .field());
    users.create("ann", "viewer", PASSWORD, "boot");
    assertEquals(
        "role",
        assertThrows(
                InvalidUserException.class,
                () -> users.change("ann", Optional.of("boss"), Optional.empty(), "boot"))
            .field());
    assertEquals(
        "password",
        assertThrows(InvalidUserException.class, () -> users.setPassword("ann", "short", "boot"))
            .field());
    assertEquals(1, store.users.size());
  }

  @Test
  void unknownUsersAre404AndTheBootstrapUserIsNotChangedThroughTheApi() {
    assertThrows(
        UnknownUserException.class,
        () -> users.change("ghost", Optional.of("viewer"), Optional.empty(), "boot"));
    assertThrows(UnknownUserException.class, () -> users.setPassword("ghost", PASSWORD, "boot"));
    assertThrows(
        UserConflictException.class,
        () -> users.change("boot", Optional.of("viewer"), Optional.empty(), "ann"));
    assertThrows(UserConflictException.class, () -> users.setPassword("boot", PASSWORD, "ann"));
  }

  @Test
  void anAdminCannotDemoteOrDisableThemselfButAnotherAdminCan() {
    users.create("ann", "admin", PASSWORD, "boot");

    assertThrows(
        UserConflictException.class,
        () -> users.change("ann", Optional.of("operator"), Optional.empty(), "ann"));
    assertThrows(
        UserConflictException.class,
        () -> users.change("ann", Optional.empty(), Optional.of(true), "ann"));
    assertEquals(
        Role.ADMIN, users.change("ann", Optional.of("admin"), Optional.empty(), "ann").role());

    assertEquals(
        Role.OPERATOR,
        users.change("ann", Optional.of("operator"), Optional.empty(), "boot").role());
  }

  @Test
  void aNewPasswordReplacesTheOld() {
    users.create("ann", "viewer", PASSWORD, "boot");
    users.setPassword("ann", "another long password", "boot");

    assertInstanceOf(Authentication.Refused.class, login("ann", PASSWORD));
    assertEquals(
        new Authentication.Accepted("ann", Role.VIEWER), login("ann", "another long password"));
  }

  @Test
  void anUnreachableStoreIsReportedNotTakenForAnUnknownUser() {
    store.down = true;
    assertThrows(StoreUnavailableException.class, () -> login("ann", PASSWORD));
  }

  @Test
  void withoutABootstrapHashThereIsNoBootstrapUser() {
    UserService none = new UserService(store, hasher, "boot", Optional.empty(), clock);
    assertEquals(List.of(), none.list());
    assertEquals(
        new Authentication.Refused(Authentication.Reason.UNKNOWN_USER),
        none.authenticate("boot", "bootstrap pass".toCharArray()));
  }
}
