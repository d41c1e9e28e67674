package dev.setpoint.device.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How devices without a token are registered on first start: an operator token given as such or in
 * a file, else a login with the operator's user and the password in a file; and whether a 409
 * without a stored token may issue a new one ({@code rotate-token}).
 */
public record RegistrationConfig(
    Optional<String> operatorToken,
    Optional<Path> operatorTokenFile,
    String operatorUsername,
    Optional<Path> operatorPasswordFile,
    boolean rotateToken) {

  /** Without the token: the configuration may end up in a log line. */
  @Override
  public String toString() {
    return "RegistrationConfig[operatorToken="
        + operatorToken.map(t -> "(set)").orElse("(none)")
        + ", operatorTokenFile="
        + operatorTokenFile
        + ", operatorUsername="
        + operatorUsername
        + ", operatorPasswordFile="
        + operatorPasswordFile
        + ", rotateToken="
        + rotateToken
        + "]";
  }
}
