package dev.setpoint.contracts.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a person may do, in three ranks, each including the one below: {@code viewer} (dashboards,
 * history, alerts, the audit trail), {@code operator} (setpoints, holds, room modes, acknowledging
 * alerts, devices and their tokens), {@code admin} (users, notification channels, alert rules,
 * model reload). Every WAR maps a bearer JWT's {@code groups} onto one role with {@link #of}.
 */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** The role's name in the API, in JWT groups and in the audit trail. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a caller of this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }

  public static Optional<Role> fromCode(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The highest role any of a token's groups maps to, or empty when none does.
   *
   * @param groups the JWT's {@code groups} claim (null for none)
   * @param groupsOf per role, the group names that grant it (an external provider's names)
   */
  public static Optional<Role> of(Collection<String> groups, Map<Role, Set<String>> groupsOf) {
    if (groups == null || groups.isEmpty()) {
      return Optional.empty();
    }
    Role best = null;
    for (Role r : values()) {
      Set<String> names = groupsOf.getOrDefault(r, Set.of());
      for (String g : groups) {
        if (names.contains(g)) {
          best = r;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The mapping of {@link #of} from the group names configured per role (each WAR reads them from
   * {@code setpoint.security.groups.viewer|operator|admin}); names are trimmed, blank ones dropped.
   */
  public static Map<Role, Set<String>> mapping(
      Collection<String> viewer, Collection<String> operator, Collection<String> admin) {
    return Map.of(VIEWER, names(viewer), OPERATOR, names(operator), ADMIN, names(admin));
  }

  private static Set<String> names(Collection<String> groups) {
    Set<String> names = new TreeSet<>();
    if (groups != null) {
      for (String g : groups) {
        if (g != null && !g.isBlank()) {
          names.add(g.strip());
        }
      }
    }
    return Set.copyOf(names);
  }

  /** Each role granted by the group of its own code, as the local issuer issues them. */
  public static Map<Role, Set<String>> ownGroups() {
    return Map.of(
        VIEWER, Set.of(VIEWER.code()),
        OPERATOR, Set.of(OPERATOR.code()),
        ADMIN, Set.of(ADMIN.code()));
  }
}
