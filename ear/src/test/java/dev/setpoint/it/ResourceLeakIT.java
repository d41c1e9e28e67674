package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests do not leak threads or connections in the EAR. JNoSQL's jars sit in the EAR's {@code
 * lib/} there, where its {@code MongoDBTemplate} made a new MongoDB client (connection pool,
 * monitor and timer threads) for every operation, never closed: about four threads per Core Command
 * read, until a fleet of 1,000 devices exhausted the server's file descriptors within minutes. The
 * server's own thread count ({@code thread_count} on {@code /metrics}) must stay flat across a few
 * hundred reads of the paths that used it.
 */
class ResourceLeakIT {
  private static final Pattern THREAD_COUNT =
      Pattern.compile("(?m)^thread_count\\{mp_scope=\"base\",?\\} ([0-9.]+)$");
  private static final int READS = 150;

  @BeforeAll
  static void serverUp() {
    awaitReady(Duration.ofSeconds(180));
  }

  private static int threads() throws Exception {
    HttpResponse<String> metrics = Scraper.get("/metrics");
    assertEquals(200, metrics.statusCode(), metrics.body());
    Matcher m = THREAD_COUNT.matcher(metrics.body());
    assertTrue(m.find(), "no thread_count in /metrics");
    return (int) Double.parseDouble(m.group(1));
  }

  private static void read(String device, String token) throws Exception {
    String path = "/api/v3/device/name/" + device;
    // Core Command: the latest command (none) and then the latest reported reading
    HttpResponse<String> command = Edge.get(Edge.BASE + path + "/temperature", token);
    assertEquals(200, command.statusCode(), command.body());
    // Core Metadata: the device (cached for a few seconds) and the command store
    assertEquals(200, Edge.get(Edge.BASE + path, Edge.operatorToken()).statusCode());
  }

  @Test
  void coreCommandAndMetadataReadsLeaveTheServersThreadCountFlat() throws Exception {
    String device = "leak-" + UUID.randomUUID().toString().substring(0, 8);
    String token = Edge.registerWithToken(device);
    assertEquals(201, Edge.post(device, 23.5, 41.0).statusCode());
    for (int i = 0; i < 20; i++) {
      read(device, token); // pools and caches that start lazily start now
    }
    int before = threads();
    for (int i = 0; i < READS; i++) {
      read(device, token);
    }
    int after = threads();
    // Liberty's executor may add a few threads under load; a client per read adds hundreds.
    assertTrue(
        after - before < 25,
        "the server had " + before + " threads before " + READS + " reads and " + after + " after");
  }
}
