package dev.setpoint.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.config.BackoffConfig;
import dev.setpoint.device.config.RegistrationConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.RegistrationException;
import dev.setpoint.device.edge.TokenStore;
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
  private static final DeviceIdentity ROOM =
      DeviceIdentity.controller("room-1", "setpoint-device-agent", "", "");

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

  private int enrol(Optional<String> code, Optional<Path> codeFile) throws Exception {
    return new RegistrationFactory(new RegistrationConfig(code, codeFile), BACKOFF, client, tokens)
        .create()
        .ensure(List.of(ROOM.device("pi", "test")));
  }

  @Test
  void aGivenCodeWinsOverTheFileWhichStaysThen() throws Exception {
    Path file = Files.writeString(dir.resolve("code"), "spe_not-this-one\n");
    assertEquals(1, enrol(Optional.of(" " + ingest.code() + " "), Optional.of(file)));
    assertEquals("spd_room-1", tokens.get("room-1").orElseThrow());
    assertTrue(Files.exists(file), "only a code read from the file deletes it");
  }

  @Test
  void theCodeFileIsReadTrimmedAndDeletedAfterTheEnrolment() throws Exception {
    Path file = Files.writeString(dir.resolve("code"), "  " + ingest.code() + "\n");
    assertEquals(1, enrol(Optional.empty(), Optional.of(file)));
    assertFalse(Files.exists(file));
  }

  @Test
  void withoutACodeAFirstStartSaysWhatToSet() {
    RegistrationException none =
        assertThrows(RegistrationException.class, () -> enrol(Optional.empty(), Optional.empty()));
    assertTrue(none.getMessage().contains("set enrolment.code-file"), none.getMessage());
    RegistrationException gone =
        assertThrows(
            RegistrationException.class,
            () -> enrol(Optional.empty(), Optional.of(dir.resolve("missing"))));
    assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
    assertEquals(0, ingest.enrolments());
  }
}
