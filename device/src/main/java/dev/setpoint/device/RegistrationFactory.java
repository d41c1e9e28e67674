package dev.setpoint.device;

import dev.setpoint.device.buffer.Backoff;
import dev.setpoint.device.config.BackoffConfig;
import dev.setpoint.device.config.RegistrationConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.OperatorToken;
import dev.setpoint.device.edge.Registration;
import dev.setpoint.device.edge.TokenStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * First-start registration: the operator's token as configured (given, in a file, or a login with
 * the password in a file; asked for only when a device has no token yet), {@code rotate-token}, and
 * the backoff while ingest is away.
 */
record RegistrationFactory(
    RegistrationConfig config, BackoffConfig backoff, IngestClient ingest, TokenStore tokens) {
  Registration create() {
    return new Registration(
        ingest,
        tokens,
        operatorToken(),
        config.rotateToken(),
        new Backoff(backoff.initial(), backoff.max()));
  }

  /** The first of the configured ways to an operator token, tried when it is needed. */
  OperatorToken operatorToken() {
    return () -> {
      if (config.operatorToken().isPresent()) {
        return config.operatorToken().get();
      }
      if (config.operatorTokenFile().isPresent()) {
        return read(config.operatorTokenFile().get());
      }
      if (config.operatorPasswordFile().isPresent()) {
        return ingest.login(config.operatorUsername(), read(config.operatorPasswordFile().get()));
      }
      throw new IOException(
          "set operator.token, operator.token-file or operator.password-file (see --help)");
    };
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).trim();
  }
}
