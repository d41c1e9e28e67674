package dev.setpoint.ingest.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A full disk never loses an accepted event (issue 20), on a small real file system: a 64 MB ext4
 * image, loop-mounted on the directory the failsafe configuration names as the buffer's volume
 * ({@code setpoint.ingest.buffer.volume.path}, measured every 0.25 s, 1 MB free at least,
 * Retry-After 3 s). Filled past its high-water mark (90 %) with a ballast file, ingest answers
 * every event write 507 with the EdgeX error body and {@code Retry-After}, stores nothing (v3 nor
 * v1, and registers no v1 device), keeps serving reads and health, counts the refusals, and raises
 * the hub's alert in the outbox; with the ballast gone it stores the refused event again (201) and
 * clears the alert.
 *
 * <p>The MongoDB-wire server is the test stack's, whose file does not lie on the small volume:
 * ingest reacts to the volume it is told to watch, which on the stack is that server's data
 * directory ({@code ./setpoint} passes it). Mounting needs root and a loop device: elsewhere the
 * test is skipped, saying why. Before the mount the directory does not exist, so the other ITs run
 * with the check off.
 */
@ExtendWith(ArquillianExtension.class)
class FullDiskIT {
  /** The failsafe configuration's volume directory (ingest-war's pom). */
  private static final Path MOUNT = Path.of("target/buffer-volume/mnt").toAbsolutePath();

  private static final Path IMAGE = Path.of("target/buffer-volume/volume.img").toAbsolutePath();
  private static final long IMAGE_BYTES = 64L * 1024 * 1024;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"));
  }

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aFullVolumeRefusesEventsWith507AndStoresNothingUntilSpaceReturns() throws Exception {
    assumeTrue(
        "0".equals(run("id", "-u").output().strip()),
        "skipped: mounting a small file system (loop device) needs root");
    assumeTrue(
        Files.exists(Path.of("/dev/loop-control")),
        "skipped: no loop devices here (/dev/loop-control is missing)");
    Files.createDirectories(IMAGE.getParent());
    Files.deleteIfExists(IMAGE);
    try (RandomAccessFile image = new RandomAccessFile(IMAGE.toFile(), "rw")) {
      image.setLength(IMAGE_BYTES);
    }
    Result mkfs = run("mkfs.ext4", "-q", "-F", IMAGE.toString());
    assumeTrue(mkfs.ok(), () -> "skipped: mkfs.ext4 failed: " + mkfs.output());
    Files.createDirectories(MOUNT);
    boolean mounted = false;
    try {
      Result mount = run("mount", "-o", "loop", IMAGE.toString(), MOUNT.toString());
      assumeTrue(mount.ok(), () -> "skipped: cannot loop-mount a file system: " + mount.output());
      mounted = true;
      onTheSmallVolume();
    } finally {
      if (mounted) {
        Result umount = run("umount", MOUNT.toString());
        if (!umount.ok()) {
          run("umount", "-l", MOUNT.toString());
        }
      }
      Files.deleteIfExists(MOUNT);
      Files.deleteIfExists(IMAGE);
    }
  }

  private void onTheSmallVolume() throws Exception {
    Api api = new Api(base);
    String device = "full-disk-" + run;
    HttpResponse<String> added =
        api.post("api/v3/device", Api.deviceRequest(device, "room-sensor", "UNLOCKED"));
    String token = Api.array(added).getJsonObject(0).getString("token");
    long started = System.currentTimeMillis();

    await("ingest measures the mounted volume")
        .atMost(Duration.ofSeconds(10))
        .until(() -> health().contains("\"state\":\"accepting\""));
    assertEquals(201, post(device, token, UUID.randomUUID().toString()).statusCode());

    Path ballast = MOUNT.resolve("ballast");
    FileStore volume = Files.getFileStore(MOUNT);
    long used = volume.getTotalSpace() - volume.getUnallocatedSpace();
    long size = used + volume.getUsableSpace();
    long fill = volume.getUsableSpace() - size / 20; // to 95 % used
    assertTrue(run("fallocate", "-l", Long.toString(fill), ballast.toString()).ok());

    try (MongoClient mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"))) {
      MongoDatabase db = mongo.getDatabase("setpoint");
      EdgeLogView log = new EdgeLogView(db);
      String refusedId = UUID.randomUUID().toString();
      await("ingest refuses events above the high-water mark")
          .atMost(Duration.ofSeconds(10))
          // probes of their own: one posted before ingest sampled the ballast is stored (201)
          .until(() -> post(device, token, UUID.randomUUID().toString()).statusCode() == 507);
      long storedBefore = log.countOf("deviceName", device);
      HttpResponse<String> refused = post(device, token, refusedId);
      JsonObject body = Api.assertError(refused, 507);
      assertTrue(body.getString("message").contains("volume is 9"), body.toString());
      assertEquals("3", refused.headers().firstValue("Retry-After").orElse(""), refused.toString());
      assertEquals(0, log.countOf("_id", refusedId));
      assertEquals(storedBefore, log.countOf("deviceName", device), "nothing stored while full");

      // v1: refused before its unknown device would be registered
      String v1Device = "full-disk-v1-" + run;
      HttpResponse<String> v1 =
          Api.HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + base.getPort() + "/api/v1/event"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"device\":\"%s\",\"readings\":[{\"name\":\"temperature\",\"value\":\"21.5\"}]}"
                              .formatted(v1Device)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(507, v1.statusCode(), v1.body());
      assertTrue(v1.headers().firstValue("Retry-After").isPresent(), v1.headers().toString());
      assertEquals(0, db.getCollection("devices").countDocuments(Filters.eq("_id", v1Device)));

      // reads and health keep working; the state is named
      assertEquals(200, api.get("api/v3/event/device/name/" + device).statusCode());
      assertTrue(health().contains("\"state\":\"refusing\""), health());
      String metrics = metrics();
      assertTrue(
          metrics.matches("(?s).*setpoint_ingest_buffer_volume_refusing\\{[^}]*} 1(\\.0)?\\n.*"),
          metrics);
      assertTrue(metrics.contains("setpoint_ingest_events_refused_volume"), metrics);
      await("the hub's alert is in the outbox")
          .atMost(Duration.ofSeconds(10))
          .until(() -> alerts(db, started).contains("raised"));

      Files.delete(ballast);
      await("ingest takes the refused event once space returns")
          .atMost(Duration.ofSeconds(10))
          .until(() -> post(device, token, refusedId).statusCode() == 201);
      assertEquals(1, log.countOf("_id", refusedId));
      assertTrue(health().contains("\"state\":\"accepting\""), health());
      await("the hub's alert clears")
          .atMost(Duration.ofSeconds(10))
          .until(() -> alerts(db, started).equals(List.of("raised", "cleared")));
    }
  }

  /** The events (raised, cleared) of the buffer volume's alerts written since the test started. */
  private static List<String> alerts(MongoDatabase db, long since) {
    return db
        .getCollection("edge_outbox")
        .find(Filters.and(Filters.eq("topic", "setpoint.alerts"), Filters.gte("createdAt", since)))
        .sort(new Document("createdAt", 1))
        .map(d -> d.getString("payload"))
        .into(new java.util.ArrayList<>())
        .stream()
        .filter(p -> p.contains("\"kind\":\"edge_buffer_full\""))
        .map(p -> p.contains("\"event\":\"raised\"") ? "raised" : "cleared")
        .toList();
  }

  private HttpResponse<String> post(String device, String token, String id) throws Exception {
    String event =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"21.5","units":"degC"}]}}
        """
            .formatted(id, device, System.currentTimeMillis() * 1_000_000L);
    return Api.HTTP.send(
        HttpRequest.newBuilder(
                base.toURI()
                    .resolve("api/v3/event/" + Api.SERVICE + "/room-sensor/" + device + "/climate"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(event))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String health() throws Exception {
    HttpResponse<String> ready =
        Api.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + base.getHost() + ":" + base.getPort() + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), "readiness stays UP: " + ready.body());
    return ready.body().replace(" ", "");
  }

  private String metrics() throws Exception {
    return Api.HTTP
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://"
                            + base.getHost()
                            + ":"
                            + base.getPort()
                            + "/metrics?scope=application"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private record Result(boolean ok, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(false, command[0] + ": " + e.getMessage());
    }
    String output;
    try (var in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(false, String.join(" ", command) + ": timed out");
    }
    return new Result(p.exitValue() == 0, output);
  }
}
