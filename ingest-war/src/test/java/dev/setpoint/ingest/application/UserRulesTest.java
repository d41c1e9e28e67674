package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "ops-1", "jane.doe", "night_shift", "0ps"})
  void plainLowerCaseNamesAreAccepted(String name) {
    assertEquals(name, UserRules.username(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Jane", "-dash", ".dot", "a b", "a/b", "é", "user@site", ""})
  void otherNamesAreRefusedNamingTheField(String name) {
    InvalidUserException e =
        assertThrows(InvalidUserException.class, () -> UserRules.username(name));
    assertEquals("username", e.field());
    assertTrue(e.getMessage().startsWith("username: "), e.getMessage());
  }

  @Test
  void aNameIsAtMost64Characters() {
    UserRules.username("a".repeat(64));
    assertThrows(InvalidUserException.class, () -> UserRules.username("a".repeat(65)));
    assertThrows(InvalidUserException.class, () -> UserRules.username(null));
  }

  @Test
  void rolesAreTheThreeCodes() {
    assertEquals(Role.VIEWER, UserRules.role("viewer"));
    assertEquals(Role.OPERATOR, UserRules.role("operator"));
    assertEquals(Role.ADMIN, UserRules.role("admin"));
    for (String bad : new String[] {"Admin", "root", "", "operators"}) {
      InvalidUserException e = assertThrows(InvalidUserException.class, () -> UserRules.role(bad));
      assertEquals("role", e.field());
    }
    assertEquals(
        "role", assertThrows(InvalidUserException.class, () -> UserRules.role(null)).field());
  }

  @Test
  void aPasswordHasAtLeast12AndAtMost1024Characters() {
    assertEquals(12, UserRules.password("x".repeat(12)).length);
    InvalidUserException shortOne =
        assertThrows(InvalidUserException.class, () -> UserRules.password("x".repeat(11)));
    assertEquals("password", shortOne.field());
    assertTrue(shortOne.getMessage().contains("at least 12"), shortOne.getMessage());
    assertThrows(InvalidUserException.class, () -> UserRules.password("x".repeat(1025)));
    assertThrows(InvalidUserException.class, () -> UserRules.password(null));
    // Characters, not UTF-16 units: 11 emoji are 22 chars but still too short.
    assertThrows(InvalidUserException.class, () -> UserRules.password("😀".repeat(11)));
  }
}
