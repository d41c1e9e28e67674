package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.security.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who logs in at the local issuer, as the user store keeps them: the password only as its
 * hash. The bootstrap user of the configuration is not one of these.
 *
 * @param username the login name, unique
 * @param role what the user may do; a login issues a JWT of this group
 * @param passwordHash the password's hash in the text form of the hasher ({@link PasswordHasher})
 * @param disabled a disabled user cannot log in (disabling revokes the tokens issued before)
 * @param createdAt when the user was created
 * @param updatedAt when role, password or the disabled flag last changed
 */
public record User(
    String username,
    Role role,
    String passwordHash,
    boolean disabled,
    Instant createdAt,
    Instant updatedAt) {

  public User {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The same user with another role, disabled flag and update time. */
  public User with(Role newRole, boolean nowDisabled, Instant at) {
    return new User(username, newRole, passwordHash, nowDisabled, createdAt, at);
  }

  /** The same user with another password hash. */
  public User withPassword(String newHash, Instant at) {
    return new User(username, role, newHash, disabled, createdAt, at);
  }

  /** Never prints the hash. */
  @Override
  public String toString() {
    return "User[username=" + username + ", role=" + role + ", disabled=" + disabled + "]";
  }
}
