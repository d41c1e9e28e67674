package dev.setpoint.k8s;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local run (k8s/README.md, "The local run"): the images built with {@code ./setpoint images},
 * the cloud and edge overlays played with {@code k8s/deploy podman} against the services {@code
 * ./setpoint test} started. Every Liberty pod answers its readiness endpoint from outside, runs as
 * user 1001 in group 0 on a read-only root and passes its liveness probe run inside it; operators'
 * tokens of the configured audience are accepted and others refused; a room controller's events
 * posted to the edge pod with its device token reach InfluxDB through the relay pod, Kafka and the
 * analytics pod, and the recommendation comes back on the edge pod's Core Command; Liberty killed
 * in the relay and analytics pods is brought back by podman's restart policy with every accepted
 * event stored; an arbitrary UID in group 0 (as OpenShift assigns) starts every image. Skipped,
 * saying why, where podman cannot run containers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodmanLocalRunIT {

  private static final String BASE = "localhost/setpoint-base:trixie-jre21";

  /** The HTTPS port components/podman gives each pod, by container name. */
  private static final Map<String, Integer> PODS =
      Map.of(
          "ingest-pod-0-ingest", 30443,
          "relay-pod-0-relay", 30444,
          "analytics-pod-0-analytics", 30445);

  private static final String EDGE = "https://127.0.0.1:30443";
  private static final int ARBITRARY_UID_PORT = 30446;
  private static final String ARBITRARY_UID_CONTAINER = "setpoint-it-arbitrary-uid";
  private static final Duration READY = Duration.ofMinutes(4);

  /** The audience the pods are played with: not the local issuer's default "setpoint". */
  private static final String AUDIENCE = "setpoint-local-run";

  private static final Pattern TOKEN = Pattern.compile("\"token\":\"(spd_[^\"]+)\"");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path root;
  private static Path data;
  private static HttpClient http;
  private static boolean played;
  private static String operator;

  /** Why the local run cannot run here, or null: each test is skipped with it. */
  private static String skipped;

  @BeforeAll
  static void imagesBuiltWherePodmanRunsContainers() throws Exception {
    root = Repository.root();
    skipped = whyNot();
    if (skipped != null) {
      System.out.println("PodmanLocalRunIT " + skipped);
      return;
    }
    http =
        HttpClient.newBuilder().sslContext(trusting(data.resolve("secrets/tls/hub.pem"))).build();
  }

  private static String whyNot() throws Exception {
    String cli = System.getenv("SETPOINT_CLI");
    String dataDir = System.getenv("SETPOINT_DATA");
    if (cli == null || dataDir == null) {
      return "skipped: the local run needs the stack's services; run it through ./setpoint test";
    }
    data = Path.of(dataDir);
    boolean podman = runQuietly(List.of("podman", "--version"), Duration.ofSeconds(30)).code == 0;
    boolean asRoot =
        "0".equals(runQuietly(List.of("id", "-u"), Duration.ofSeconds(10)).output.strip());
    if (!podman && !asRoot) {
      return "skipped: podman is missing and this is not root (./setpoint images installs it as root)";
    }
    // Installs podman and makes the base when missing (once per machine), then every image.
    long start = System.nanoTime();
    Result images = runQuietly(List.of(cli, "images"), Duration.ofMinutes(15));
    System.out.println(
        "PodmanLocalRunIT ./setpoint images took "
            + Duration.ofNanos(System.nanoTime() - start).toSeconds()
            + " s:\n"
            + images.output);
    Result container =
        runQuietly(
            List.of("podman", "run", "--rm", "--network", "none", BASE, "true"),
            Duration.ofSeconds(60));
    if (container.code != 0) {
      return "skipped: podman cannot run a container here: "
          + (images.code != 0 ? images.output.strip() : container.output.strip());
    }
    if (images.code != 0) {
      fail("./setpoint images failed where podman runs containers:\n" + images.output);
    }
    return null;
  }

  private static void assumeLocalRun() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void down() throws Exception {
    if (skipped != null) {
      return;
    }
    for (String role : List.of("ingest", "relay", "analytics")) {
      runQuietly(
          List.of("podman", "rm", "-f", "-v", ARBITRARY_UID_CONTAINER + "-" + role),
          Duration.ofSeconds(60));
    }
    if (played) {
      for (String overlay : List.of("edge", "cloud")) {
        run(List.of(root.resolve("k8s/deploy").toString(), "podman", overlay, "--down"));
      }
    }
  }

  @Test
  @Order(1)
  void theOverlaysPlayUntilEveryPodIsReady() throws Exception {
    assumeLocalRun();
    played = true;
    long start = System.nanoTime();
    Path patch = root.resolve("k8s/src/test/resources/podman/recommender-every-3s.yaml");
    deploy("cloud", "--patch", patch.toString());
    deploy("edge");
    // Cold start to ready of each pod (docs/benchmarks.md), polled together.
    Map<String, Duration> ready = new TreeMap<>();
    await("/health/ready of " + PODS.keySet())
        .atMost(READY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              PODS.forEach(
                  (pod, port) -> {
                    if (!ready.containsKey(pod) && status(port, "/health/ready") == 200) {
                      ready.put(pod, Duration.ofNanos(System.nanoTime() - start));
                    }
                  });
              return ready.size() == PODS.size();
            });
    System.out.println("PodmanLocalRunIT ready after the play: " + ready);
    System.out.println(
        "PodmanLocalRunIT memory at rest:\n"
            + run(
                List.of("podman", "stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}")));
  }

  @Test
  @Order(2)
  void everyContainerRunsAsUser1001InGroupZeroOnAReadOnlyRootAndPassesItsLivenessProbe()
      throws Exception {
    assumeLocalRun();
    for (String container : PODS.keySet()) {
      String inspect =
          run(
              List.of(
                  "podman",
                  "inspect",
                  container,
                  "--format",
                  "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.RestartPolicy.Name}}"));
      assertEquals("1001 true always", inspect.strip(), container);
      String ids = run(List.of("podman", "exec", container, "sh", "-c", "id -u; id -g"));
      assertEquals("1001\n0", ids.strip(), container);
      Result write =
          runQuietly(
              List.of("podman", "exec", container, "touch", "/opt/ol/wlp/lib/x"),
              Duration.ofSeconds(30));
      assertTrue(write.code != 0, container + ": the root filesystem took a write");
      // The manifest's liveness probe as podman runs it, inside the container (its timers need
      // systemd, which this machine lacks, so it is run on demand here).
      run(List.of("podman", "healthcheck", "run", container));
    }
  }

  @Test
  @Order(3)
  void operatorsTokensOfTheConfiguredAudienceAreAcceptedAndOthersRefused() throws Exception {
    assumeLocalRun();
    operator = mintOperatorToken(AUDIENCE);
    assertEquals(200, send(get(EDGE + "/api/v3/device/all", operator)).statusCode());
    // The local issuer's default audience is not the one the pods were given (JWT_AUDIENCES).
    HttpResponse<String> other =
        send(get(EDGE + "/api/v3/device/all", mintOperatorToken("setpoint")));
    assertEquals(401, other.statusCode(), other.body());
  }

  @Test
  @Order(4)
  void aRoomControllersEventsReachInfluxDbAndItsRecommendationComesBackOnCoreCommand()
      throws Exception {
    assumeLocalRun();
    String device = "podman-rc-" + UUID.randomUUID();
    String token = register(device);
    // One reading every 2 s (the patched recommender's sample interval) until it decided with the
    // model: a warm room, inlet 27.8 °C at setpoint 23.7 °C.
    AtomicInteger posted = new AtomicInteger();
    await("a model decision for " + device)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              assertEquals(201, post(device, token, 27.8).statusCode());
              posted.incrementAndGet();
              return influx("SELECT reason FROM recommendation WHERE device = '" + device + "'")
                  .contains("\"model\"");
            });
    int sent = posted.get();
    await("every event of " + device + " in InfluxDB")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> climatePoints(device) == sent);
    // The last decision is the command; the edge pod's Core Command serves it to the device.
    await("the recommendation on Core Command")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String last = lastRecommended(device);
              HttpResponse<String> served =
                  send(get(EDGE + "/api/v3/device/name/" + device + "/setpoint", token));
              return served.statusCode() == 200
                  && last != null
                  && served.body().contains("\"value\":\"" + last + "\"");
            });
  }

  @Test
  @Order(5)
  void libertyKilledInTheRelayAndAnalyticsPodsComesBackAndLosesNoEvent() throws Exception {
    assumeLocalRun();
    String device = "podman-kill-" + UUID.randomUUID();
    String token = register(device);
    int accepted = 0;
    for (int i = 0; i < 20; i++) {
      accepted += post(device, token, 22.0 + i / 10.0).statusCode() == 201 ? 1 : 0;
    }
    Map<String, String> pids = new TreeMap<>();
    for (String container : List.of("relay-pod-0-relay", "analytics-pod-0-analytics")) {
      String pid = pid(container);
      pids.put(container, pid);
      run(List.of("kill", "-KILL", pid));
    }
    // Events keep arriving at the edge while the relay and analytics are down.
    for (int i = 0; i < 20; i++) {
      accepted += post(device, token, 24.0 + i / 10.0).statusCode() == 201 ? 1 : 0;
    }
    assertEquals(40, accepted, "ingest accepted every event while the relay was down");
    for (var killed : pids.entrySet()) {
      await("a restart of " + killed.getKey())
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> !pid(killed.getKey()).equals(killed.getValue()));
    }
    await("/health/ready after the restarts")
        .atMost(READY)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                pids.keySet().stream().allMatch(c -> status(PODS.get(c), "/health/ready") == 200));
    int expected = accepted;
    await("every accepted event of " + device + " in InfluxDB")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> climatePoints(device) == expected);
  }

  /**
   * Each pod's container started again from its image under an arbitrary UID in group 0 (as
   * OpenShift's restricted SCC assigns), with the pod's own environment, read-only root and
   * writable folders, on ports of its own: every image gets ready.
   */
  @Test
  @Order(6)
  void anArbitraryUidInGroupZeroStartsEveryImage() throws Exception {
    assumeLocalRun();
    Map<String, Integer> ports = new TreeMap<>();
    int port = ARBITRARY_UID_PORT;
    for (String pod : new TreeMap<>(PODS).keySet()) {
      String role = pod.substring(pod.lastIndexOf('-') + 1);
      List<String> command =
          new ArrayList<>(
              List.of(
                  "podman",
                  "run",
                  "-d",
                  "--name",
                  ARBITRARY_UID_CONTAINER + "-" + role,
                  "--network",
                  "host",
                  "--user",
                  "1000650000:0",
                  "--read-only",
                  "-v",
                  "/logs",
                  "-v",
                  "/opt/ol/wlp/output",
                  "-v",
                  "/tmp",
                  "-v",
                  "/var/lib/setpoint-podman/tls:/etc/setpoint/tls:ro"));
      // The pod's environment (its ConfigMaps and secrets as podman resolved them), own ports.
      for (String variable :
          JSON.readValue(
              run(List.of("podman", "inspect", pod, "--format", "{{json .Config.Env}}")),
              String[].class)) {
        String name = variable.substring(0, variable.indexOf('='));
        if (!List.of("HTTPS_PORT", "HTTP_PORT", "HOSTNAME", "HOME").contains(name)) {
          command.addAll(List.of("-e", variable));
        }
      }
      command.addAll(
          List.of(
              "-e",
              "HTTPS_PORT=" + port,
              "-e",
              "HTTP_PORT=" + (port + 100),
              "localhost/setpoint-" + role + ":" + Repository.projectVersion()));
      run(command);
      ports.put(role, port++);
    }
    await("/health/ready of every image under UID 1000650000: " + ports)
        .atMost(READY)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> ports.values().stream().allMatch(p -> status(p, "/health/ready") == 200));
  }

  // ------------------------------------------------------------------------------ the pipeline

  private static void deploy(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(root.resolve("k8s/deploy").toString(), "podman"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SETPOINT_PODMAN_AUDIENCE", AUDIENCE);
    run(builder, Duration.ofMinutes(2));
  }

  /** An operator's JWT signed by the stack's local issuer, for the given audience. */
  private static String mintOperatorToken(String audience) throws Exception {
    Path file = Files.createTempFile("operator", ".jwt");
    try {
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder builder =
          new ProcessBuilder(
              java,
              root.resolve("stack/OperatorSecrets.java").toString(),
              "mint-token",
              data.resolve("secrets").toString(),
              file.toString(),
              "urn:setpoint:local-issuer",
              "operator",
              "600",
              "operator");
      builder.environment().put("SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_AUDIENCE", audience);
      run(builder, Duration.ofMinutes(1));
      return Files.readString(file).strip();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Registers a room controller with the operator's token and answers its device token. */
  private static String register(String device) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(EDGE + "/api/v3/device"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operator)
                .timeout(Duration.ofSeconds(15))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        [{"apiVersion":"v3","device":{"name":"%s","adminState":"UNLOCKED",
                          "operatingState":"UP","serviceName":"setpoint-device-agent",
                          "profileName":"room-controller","protocols":{"http":{"host":"127.0.0.1"}}}}]
                        """
                            .formatted(device)))
                .build());
    assertEquals(207, response.statusCode(), response.body());
    Matcher token = TOKEN.matcher(response.body());
    assertTrue(token.find(), response.body());
    return token.group(1);
  }

  /** Posts one climate reading of the device with its own token. */
  private static HttpResponse<String> post(String device, String token, double temperature)
      throws Exception {
    String body =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-controller","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"%s","units":"°C"},
          {"resourceName":"humidity","valueType":"Float64","value":"45.0","units":"%%RH"},
          {"resourceName":"setpoint","valueType":"Float64","value":"23.7","units":"°C"}]}}
        """
            .formatted(
                UUID.randomUUID(), device, System.currentTimeMillis() * 1_000_000L, temperature);
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    EDGE
                        + "/api/v3/event/setpoint-device-agent/room-controller/"
                        + device
                        + "/climate"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static int climatePoints(String device) throws Exception {
    Matcher count =
        Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)\\]\\]")
            .matcher(
                influx("SELECT count(temperature) FROM climate WHERE device = '" + device + "'"));
    return count.find() ? Integer.parseInt(count.group(1)) : 0;
  }

  /** The newest recommended setpoint of the device as Core Command prints it ("23.0"), or null. */
  private static String lastRecommended(String device) throws Exception {
    Matcher last =
        Pattern.compile("\"values\":\\[\\[\"[^\"]*\",([0-9.]+)\\]\\]")
            .matcher(
                influx(
                    "SELECT last(recommended) FROM recommendation WHERE device = '"
                        + device
                        + "'"));
    return last.find() ? Double.toString(Double.parseDouble(last.group(1))) : null;
  }

  private static String influx(String query) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port("SETPOINT_INFLUX_PORT", 8086)
                            + "/query?db=setpoint&q="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(15))
                .build());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static int port(String variable, int otherwise) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value);
  }

  private static String pid(String container) throws Exception {
    return run(List.of("podman", "inspect", container, "--format", "{{.State.Pid}}")).strip();
  }

  private static HttpRequest get(String uri, String token) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(15))
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int status(int port, String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trust.setCertificateEntry(
          "hub", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  // ------------------------------------------------------------------------------ processes

  private record Result(int code, String output) {}

  private static String run(List<String> command) throws Exception {
    return run(new ProcessBuilder(new ArrayList<>(command)), Duration.ofMinutes(2));
  }

  private static String run(ProcessBuilder builder, Duration timeout) throws Exception {
    Result result = runQuietly(builder, timeout);
    if (result.code != 0) {
      fail(String.join(" ", builder.command()) + " exited " + result.code + ":\n" + result.output);
    }
    return result.output;
  }

  private static Result runQuietly(List<String> command, Duration timeout) throws Exception {
    return runQuietly(new ProcessBuilder(new ArrayList<>(command)), timeout);
  }

  private static Result runQuietly(ProcessBuilder builder, Duration timeout) throws Exception {
    // The output goes to a file, so a command that hangs is still stopped at its timeout.
    Path output = Files.createTempFile("podman-it", ".out");
    try {
      Process process;
      try {
        process =
            builder
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
      } catch (IOException e) {
        return new Result(127, e.getMessage());
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Result(124, "timed out after " + timeout + ":\n" + Files.readString(output));
      }
      return new Result(process.exitValue(), Files.readString(output));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
