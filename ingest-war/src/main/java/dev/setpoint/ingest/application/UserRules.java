package dev.setpoint.ingest.application;

import dev.setpoint.contracts.security.Role;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a user's name, role and password must be. A name is 1 to 64 lower-case letters, digits,
 * dots, hyphens and underscores, starting with a letter or digit (so it is safe in a path, a log
 * line and a JWT, and two names never differ in case only); a password is 12 to 1024 characters.
 */
public final class UserRules {
  /** The shortest password accepted. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** The longest password accepted: PBKDF2 hashes any length, but a bound keeps bodies small. */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private UserRules() {}

  /**
   * @throws InvalidUserException naming {@code username}
   */
  public static String username(String username) {
    if (username == null || username.isEmpty()) {
      throw new InvalidUserException("username", "is required");
    }
    if (!USERNAME.matcher(username).matches()) {
      throw new InvalidUserException(
          "username",
          "must be 1 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter or"
              + " digit");
    }
    return username;
  }

  /**
   * The role of the code.
   *
   * @throws InvalidUserException naming {@code role}
   */
  public static Role role(String code) {
    if (code == null || code.isEmpty()) {
      throw new InvalidUserException("role", "is required (" + codes() + ")");
    }
    return Role.fromCode(code)
        .orElseThrow(() -> new InvalidUserException("role", "must be one of " + codes()));
  }

  /**
   * @throws InvalidUserException naming {@code password}
   */
  public static char[] password(String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidUserException("password", "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD_LENGTH) {
      throw new InvalidUserException(
          "password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (length > MAX_PASSWORD_LENGTH) {
      throw new InvalidUserException(
          "password", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
    }
    return password.toCharArray();
  }

  private static String codes() {
    return Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", "));
  }
}
