package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.security.Role;
import java.security.Principal;
import java.util.Objects;

/** Who sent a request, once its credential was checked: a person or one device. */
public sealed interface Caller extends Principal {

  /** The caller's name as it appears in logs: the person's user name or the device's name. */
  String name();

  @Override
  default String getName() {
    return name();
  }

  /**
   * A person, authenticated by a MicroProfile JWT whose {@code groups} map to a role (the local
   * issuer's users, or an external OpenID Connect provider's).
   *
   * @param name the JWT's {@code upn} (else {@code preferred_username}, else {@code sub})
   * @param role what the person may do
   */
  record Person(String name, Role role) implements Caller {
    public Person {
      Objects.requireNonNull(role, "role");
    }

    /** Whether the person may do what {@code needed} may. */
    public boolean may(Role needed) {
      return role.includes(needed);
    }
  }

  /**
   * A device, authenticated by its own bearer token.
   *
   * @param name the device name the token was issued for
   */
  record Device(String name) implements Caller {}
}
