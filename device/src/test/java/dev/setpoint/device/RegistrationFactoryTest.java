package dev.setpoint.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.config.BackoffConfig;
import dev.setpoint.device.config.RegistrationConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.OperatorToken;
import dev.setpoint.device.edge.RegistrationException;
import dev.setpoint.device.edge.TokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationFactoryTest {
  private static final BackoffConfig BACKOFF =
      new BackoffConfig(Duration.ofMillis(20), Duration.ofMillis(80));

  @TempDir Path dir;
  private StandInIngest ingest;
  private IngestClient client;
  private TokenStore tokens;

  @BeforeEach
  void start() throws Exception {
    ingest = new StandInIngest();
    client = new IngestClient(ingest.uri(), Duration.ofSeconds(2));
    tokens = new TokenStore(dir.resolve("tokens.properties"));
  }

  @AfterEach
  void stop() {
    ingest.close();
  }

  private RegistrationFactory factory(
      Optional<String> token,
      Optional<Path> tokenFile,
      Optional<Path> passwordFile,
      boolean rotate) {
    return new RegistrationFactory(
        new RegistrationConfig(token, tokenFile, "ops", passwordFile, rotate),
        BACKOFF,
        client,
        tokens);
  }

  private OperatorToken operator(
      Optional<String> token, Optional<Path> tokenFile, Optional<Path> passwordFile) {
    return factory(token, tokenFile, passwordFile, false).operatorToken();
  }

  @Test
  void theOperatorTokenComesFromTheFirstConfiguredWay() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("operator.jwt"), " file-jwt \n");
    Path passwordFile = Files.writeString(dir.resolve("operator.password"), " s3cret \n");

    assertEquals(
        "given-jwt",
        operator(Optional.of("given-jwt"), Optional.of(tokenFile), Optional.of(passwordFile))
            .get());
    assertEquals(
        "file-jwt",
        operator(Optional.empty(), Optional.of(tokenFile), Optional.of(passwordFile)).get());
    // A login with the configured user and the file's password, trimmed.
    assertEquals(
        "jwt:ops:s3cret",
        operator(Optional.empty(), Optional.empty(), Optional.of(passwordFile)).get());
    IOException none =
        assertThrows(
            IOException.class,
            () -> operator(Optional.empty(), Optional.empty(), Optional.empty()).get());
    assertEquals(
        "set operator.token, operator.token-file or operator.password-file (see --help)",
        none.getMessage());
  }

  @Test
  void registersWithTheConfiguredTokenAndRotatesOnlyWhenAllowed() throws Exception {
    DeviceIdentity id = DeviceIdentity.controller("room-1", "setpoint-device-agent", "", "");
    ingest.knownDevice("room-1", "spd_elsewhere");
    RegistrationException e =
        assertThrows(
            RegistrationException.class,
            () ->
                factory(Optional.of("jwt"), Optional.empty(), Optional.empty(), false)
                    .create()
                    .ensure(List.of(id.device("pi", "test"))));
    assertTrue(e.getMessage().contains("--rotate-token"), e.getMessage());

    factory(Optional.of("jwt"), Optional.empty(), Optional.empty(), true)
        .create()
        .ensure(List.of(id.device("pi", "test")));
    assertEquals("spd_room-1-2", tokens.get("room-1").orElseThrow());
  }
}
