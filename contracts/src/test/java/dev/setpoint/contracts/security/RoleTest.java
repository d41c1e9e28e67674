package dev.setpoint.contracts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void eachRoleIncludesTheOnesBelowItOnly() {
    assertTrue(Role.ADMIN.includes(Role.ADMIN));
    assertTrue(Role.ADMIN.includes(Role.OPERATOR));
    assertTrue(Role.ADMIN.includes(Role.VIEWER));
    assertTrue(Role.OPERATOR.includes(Role.VIEWER));
    assertFalse(Role.OPERATOR.includes(Role.ADMIN));
    assertFalse(Role.VIEWER.includes(Role.OPERATOR));
  }

  @Test
  void codesAreLowerCaseAndReadBack() {
    for (Role r : Role.values()) {
      assertEquals(Optional.of(r), Role.fromCode(r.code()));
    }
    assertEquals("viewer", Role.VIEWER.code());
    assertEquals(Optional.empty(), Role.fromCode("ADMIN"));
    assertEquals(Optional.empty(), Role.fromCode("root"));
    assertEquals(Optional.empty(), Role.fromCode(null));
  }

  @Test
  void theLocalIssuersGroupsAreTheRoleCodes() {
    Map<Role, Set<String>> own = Role.ownGroups();
    assertEquals(Optional.of(Role.VIEWER), Role.of(List.of("viewer"), own));
    assertEquals(Optional.of(Role.OPERATOR), Role.of(List.of("operator"), own));
    assertEquals(Optional.of(Role.ADMIN), Role.of(List.of("admin"), own));
    assertEquals(Optional.empty(), Role.of(List.of("Admin", "operators"), own));
    assertEquals(Optional.empty(), Role.of(List.of(), own));
    assertEquals(Optional.empty(), Role.of(null, own));
  }

  @Test
  void theHighestMappedGroupWins() {
    Map<Role, Set<String>> own = Role.ownGroups();
    assertEquals(Optional.of(Role.ADMIN), Role.of(List.of("admin", "viewer"), own));
    assertEquals(
        Optional.of(Role.OPERATOR), Role.of(List.of("unrelated", "operator", "viewer"), own));
  }

  @Test
  void anExternalProvidersGroupsMapThroughTheConfiguredNames() {
    Map<Role, Set<String>> idp =
        Role.mapping(
            List.of("setpoint-viewers", " viewer "),
            List.of("setpoint-operators"),
            List.of("setpoint-admins", "", " "));

    assertEquals(Optional.of(Role.ADMIN), Role.of(List.of("staff", "setpoint-admins"), idp));
    assertEquals(Optional.of(Role.OPERATOR), Role.of(List.of("setpoint-operators"), idp));
    assertEquals(Optional.of(Role.VIEWER), Role.of(List.of("viewer"), idp));
    // Configured away: the plain role code no longer grants the role.
    assertEquals(Optional.empty(), Role.of(List.of("admin"), idp));
    assertEquals(Set.of("setpoint-admins"), idp.get(Role.ADMIN));
  }
}
