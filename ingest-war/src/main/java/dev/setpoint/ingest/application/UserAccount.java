package dev.setpoint.ingest.application;

import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.domain.User;
import java.time.Instant;

/**
 * A user as the users API shows them, without the password hash.
 *
 * @param username the login name
 * @param role what the user may do
 * @param disabled whether logins are refused
 * @param createdAt when the user was created; null for the bootstrap user (configured, not stored)
 * @param updatedAt when the user last changed; null for the bootstrap user
 * @param bootstrap whether this is the configured bootstrap user, an admin the API cannot change
 */
public record UserAccount(
    String username,
    Role role,
    boolean disabled,
    Instant createdAt,
    Instant updatedAt,
    boolean bootstrap) {

  static UserAccount of(User user) {
    return new UserAccount(
        user.username(), user.role(), user.disabled(), user.createdAt(), user.updatedAt(), false);
  }

  static UserAccount bootstrap(String username) {
    return new UserAccount(username, Role.ADMIN, false, null, null, true);
  }
}
