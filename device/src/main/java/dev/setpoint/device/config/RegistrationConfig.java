package dev.setpoint.device.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How devices without a token get one on first start: the enrolment code an operator made for them
 * ({@code enrolment.code}), or the file that holds it ({@code enrolment.code-file}, deleted once
 * the devices have their tokens). The agent holds no operator credential.
 */
public record RegistrationConfig(Optional<String> code, Optional<Path> codeFile) {

  /** Without the code: the configuration may end up in a log line. */
  @Override
  public String toString() {
    return "RegistrationConfig[code="
        + code.map(t -> "(set)").orElse("(none)")
        + ", codeFile="
        + codeFile
        + "]";
  }
}
