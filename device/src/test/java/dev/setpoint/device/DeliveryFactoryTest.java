package dev.setpoint.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.config.BackoffConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryFactoryTest {
  private static final String PATH =
      IngestClient.eventPath(
          "setpoint-device-agent",
          DeviceIdentity.Role.CONTROLLER.profile(),
          "room-1",
          DeviceIdentity.SOURCE);

  @TempDir Path dir;
  private StandInIngest ingest;
  private StateDirectory state;
  private final Resources resources = new Resources();
  private DeliveryFactory factory;

  @BeforeEach
  void start() throws Exception {
    ingest = new StandInIngest();
    ingest.knownDevice("room-1", "spd_room-1");
    state = StateDirectory.open(dir.resolve("state"));
    TokenStore tokens = new TokenStore(state.tokens());
    tokens.put("room-1", "spd_room-1");
    factory =
        new DeliveryFactory(
            state,
            2,
            new BackoffConfig(Duration.ofSeconds(1), Duration.ofSeconds(5)),
            new IngestClient(ingest.uri(), Duration.ofSeconds(2)),
            tokens,
            Clock.systemUTC(),
            resources);
  }

  @AfterEach
  void stop() {
    resources.close();
    ingest.close();
  }

  private static String event(String id) {
    return "{\"apiVersion\":\"v3\",\"event\":{\"id\":\"" + id + "\"}}";
  }

  @Test
  void postsWithTheDevicesOwnToken() throws Exception {
    Outbox outbox = factory.outbox("room-1");
    outbox.submit("room-1", PATH, event("e1"));
    assertEquals(1, outbox.delivered());
    assertEquals("e1", ingest.stored().get(0).id());
  }

  @Test
  void eachDeviceHasABoundedJournalInTheStateDirectoryThatOutlivesARestart() throws Exception {
    ingest.stop();
    Outbox outbox = factory.outbox("room-1");
    for (String id : new String[] {"e1", "e2", "e3"}) {
      outbox.submit("room-1", PATH, event(id));
    }
    assertEquals(2, outbox.buffered(), "buffer.max-events = 2: the oldest was dropped");
    assertTrue(Files.exists(dir.resolve("state/journal/room-1.journal")));
    resources.close();

    ingest.start();
    Outbox restarted = factory.outbox("room-1");
    assertEquals(2, restarted.buffered());
    restarted.flush(Instant.now().plusSeconds(10));
    assertEquals(0, restarted.buffered());
    assertEquals(
        List.of("e2", "e3"), ingest.stored().stream().map(StandInIngest.Stored::id).toList());
  }
}
