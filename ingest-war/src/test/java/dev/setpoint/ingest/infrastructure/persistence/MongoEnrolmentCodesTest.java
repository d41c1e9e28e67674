package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import dev.setpoint.ingest.domain.EnrolmentCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter's conditional updates against an in-process MongoDB-wire server and the driver. */
class MongoEnrolmentCodesTest {
  private static final long NOW = 1_800_000_000_000L;

  private InMemoryMongo mongo;
  private MongoClient client;
  private MongoEnrolmentCodes codes;

  @BeforeEach
  void start() {
    mongo = new InMemoryMongo();
    client = mongo.client;
    codes =
        new MongoEnrolmentCodes(
            client.getDatabase("setpoint-test").getCollection(MongoEnrolmentCodes.COLLECTION));
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  private static EnrolmentCode code(String hash, int uses, List<String> devices) {
    return new EnrolmentCode(
        hash,
        "id-" + hash,
        null,
        "alice",
        NOW,
        NOW + 60_000,
        null,
        List.of("room-sensor"),
        devices,
        uses,
        List.of(),
        null);
  }

  @Test
  void aCodeIsStoredAndReadBackAsItWas() {
    EnrolmentCode stored = code("h1", 2, List.of());
    codes.add(stored);
    assertEquals(stored, codes.find("h1").orElseThrow());
    assertEquals(stored, codes.byId("id-h1").orElseThrow());
    assertEquals(List.of(stored), codes.all());
  }

  @Test
  void usesAreTakenOnlyWhileTheCodeIsGoodAndEachDeviceOnce() {
    codes.add(code("h1", 3, List.of()));

    assertTrue(codes.consume("h1", List.of("a", "b"), NOW));
    assertFalse(codes.consume("h1", List.of("a"), NOW), "a device uses a code once");
    assertFalse(codes.consume("h1", List.of("c", "d"), NOW), "one use left");
    assertFalse(codes.consume("h1", List.of("c"), NOW + 60_000), "expired");
    EnrolmentCode after = codes.find("h1").orElseThrow();
    assertEquals(1, after.remaining());
    assertEquals(List.of("a", "b"), after.used());

    codes.release("h1", List.of("b"));
    EnrolmentCode released = codes.find("h1").orElseThrow();
    assertEquals(2, released.remaining());
    assertEquals(List.of("a"), released.used());

    assertTrue(codes.revoke("id-h1", NOW));
    assertFalse(codes.revoke("id-h1", NOW + 1), "revoked once");
    assertFalse(codes.consume("h1", List.of("c"), NOW), "revoked");
    assertEquals(NOW, codes.find("h1").orElseThrow().revokedAt());
    assertNull(codes.find("h2").orElse(null));
  }

  @Test
  void ofTwoConcurrentTradesOfTheLastUseExactlyOneWins() throws Exception {
    for (int round = 0; round < 10; round++) {
      String hash = "race-" + round;
      codes.add(code(hash, 1, List.of()));
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (String device : List.of("x", "y")) {
        racers.add(
            () -> {
              start.await();
              return codes.consume(hash, List.of(device), NOW);
            });
      }
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        List<Future<Boolean>> results = racers.stream().map(pool::submit).toList();
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
          won += result.get() ? 1 : 0;
        }
        assertEquals(1, won, "round " + round);
      }
      assertEquals(0, codes.find(hash).orElseThrow().remaining());
    }
  }
}
