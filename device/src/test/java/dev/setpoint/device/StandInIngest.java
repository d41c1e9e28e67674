package dev.setpoint.device;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.setpoint.contracts.enrolment.Enrolment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JDK HttpServer standing in for ingest in unit tests: stores posted events once per id (409 on a
 * repeat, as ingest), serves a commanded setpoint per device (counting the reads), enrols devices
 * with its one code, keeps each enrolled device's profile and labels, and can be stopped and
 * started again on the same port.
 */
public final class StandInIngest implements AutoCloseable {
  /** One stored event: the device of its path and its id. */
  public record Stored(String path, String device, String id, JsonObject event) {}

  private final List<Stored> stored = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<String, String> commands = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final List<String> registered = new ArrayList<>();
  private final Map<String, String> profiles = new ConcurrentHashMap<>();
  private final Map<String, List<String>> labels = new ConcurrentHashMap<>();
  private final Map<String, Integer> commandReads = new ConcurrentHashMap<>();
  private final Set<String> enrolled = new HashSet<>();
  private final Set<String> rotatable = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger enrolments =
      new java.util.concurrent.atomic.AtomicInteger();
  private final String code = "spe_" + java.util.UUID.randomUUID().toString().replace("-", "");
  private volatile int forcedStatus;
  private volatile String forcedRetryAfter;
  private volatile int forcedRegistrationStatus;
  private int port;
  private HttpServer server;

  public StandInIngest() throws IOException {
    start();
  }

  private StandInIngest(int port) throws IOException {
    this.port = port;
    start();
  }

  /**
   * Runs the stand-in as a local HTTP sink for measurements (docs/benchmarks.md): {@code java -cp
   * target/test-classes:target/classes:target/lib/* dev.setpoint.device.StandInIngest PORT}. It
   * keeps only ids, so memory stays flat over a long run.
   */
  public static void main(String[] args) throws Exception {
    StandInIngest sink = new StandInIngest(Integer.parseInt(args[0]));
    sink.keepEvents = false;
    System.out.println("stand-in ingest on " + sink.uri());
    System.out.println("enrolment code: " + sink.code());
    while (true) {
      Thread.sleep(10_000); // the pace of the status line of a manual run, not a wait in a test
      synchronized (sink) {
        System.out.println("events stored: " + sink.ids.size());
      }
    }
  }

  private volatile boolean keepEvents = true;

  public synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    port = server.getAddress().getPort();
    server.createContext("/api/v3/event/", this::event);
    server.createContext("/api/v3/device", this::device);
    server.createContext(Enrolment.PATH, this::enrol);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public synchronized void stop() {
    server.stop(0);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Answer every event post with this status (0 = behave normally). */
  public void answerEvents(int status) {
    answerEvents(status, null);
  }

  /** Answer every event post with this status and {@code Retry-After} (0 = behave normally). */
  public void answerEvents(int status, String retryAfter) {
    forcedRetryAfter = retryAfter;
    forcedStatus = status;
  }

  /** The one enrolment code this stand-in accepts (made per run). */
  public String code() {
    return code;
  }

  /** How many enrolment requests arrived. */
  public int enrolments() {
    return enrolments.get();
  }

  /** Lets the code give this existing device a new token, as a code that names it does. */
  public void allowRotation(String device) {
    rotatable.add(device);
  }

  /** Answer every enrolment with this status (0 = behave normally). */
  public void answerRegistrations(int status) {
    forcedRegistrationStatus = status;
  }

  public void command(String device, String setpoint) {
    commands.put(device, setpoint);
  }

  public synchronized List<Stored> stored() {
    return List.copyOf(stored);
  }

  public synchronized List<String> registered() {
    return List.copyOf(registered);
  }

  /** The profile each device was registered with. */
  public Map<String, String> profiles() {
    return Map.copyOf(profiles);
  }

  /** The labels each device was registered with. */
  public Map<String, List<String>> labels() {
    return Map.copyOf(labels);
  }

  /** How often a device asked Core Command for its setpoint (0 if never). */
  public int commandReads(String device) {
    return commandReads.getOrDefault(device, 0);
  }

  private void event(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String[] path = x.getRequestURI().getPath().split("/");
    String device = path[6];
    if (!("Bearer " + tokens.get(device)).equals(x.getRequestHeaders().getFirst("Authorization"))) {
      answer(x, 401, "{}");
      return;
    }
    if (forcedStatus != 0) {
      String retryAfter = forcedRetryAfter;
      if (retryAfter != null) {
        x.getResponseHeaders().set("Retry-After", retryAfter);
      }
      answer(x, forcedStatus, "{}");
      return;
    }
    String profile = profiles.get(device);
    if (profile != null && !profile.equals(path[5])) {
      answer(x, 400, "{\"statusCode\":400,\"message\":\"not the device's profile\"}");
      return;
    }
    JsonObject event =
        Json.createReader(new StringReader(body)).readObject().getJsonObject("event");
    String id = event.getString("id");
    synchronized (this) {
      if (!ids.add(id)) {
        answer(x, 409, "{\"statusCode\":409}");
        return;
      }
      if (keepEvents) {
        stored.add(new Stored(x.getRequestURI().getPath(), device, id, event));
      }
    }
    answer(x, 201, "{\"apiVersion\":\"v3\",\"statusCode\":201,\"id\":\"" + id + "\"}");
  }

  /**
   * The enrolment: the stand-in's own code ({@link #code()}) enrols each device once; a device that
   * has a token already is a 409 unless {@link #allowRotation} named it; all or nothing.
   */
  private void enrol(HttpExchange x) throws IOException {
    if (forcedRegistrationStatus != 0) {
      answer(x, forcedRegistrationStatus, "{\"statusCode\":" + forcedRegistrationStatus + "}");
      return;
    }
    enrolments.incrementAndGet();
    var array =
        Json.createReader(
                new StringReader(
                    new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
            .readArray();
    synchronized (this) {
      if (!code.equals(x.getRequestHeaders().getFirst(Enrolment.CODE_HEADER))) {
        answer(x, 401, "{\"statusCode\":401,\"message\":\"the enrolment code is not valid\"}");
        return;
      }
      for (int i = 0; i < array.size(); i++) {
        String name = array.getJsonObject(i).getJsonObject("device").getString("name");
        if (enrolled.contains(name)) {
          answer(x, 401, "{\"statusCode\":401,\"message\":\"the enrolment code is not valid\"}");
          return;
        }
        if (tokens.containsKey(name) && !rotatable.contains(name)) {
          answer(
              x, 409, "{\"statusCode\":409,\"message\":\"device '" + name + "' already exists\"}");
          return;
        }
      }
      var devices = Json.createArrayBuilder();
      for (int i = 0; i < array.size(); i++) {
        JsonObject device = array.getJsonObject(i).getJsonObject("device");
        String name = device.getString("name");
        boolean rotated = tokens.containsKey(name);
        String token = "spd_" + name + (rotated ? "-2" : "");
        if (!rotated) {
          registered.add(name);
          profiles.put(name, device.getString("profileName"));
          labels.put(
              name,
              device.get("labels") instanceof JsonArray given
                  ? given.getValuesAs(JsonString::getString)
                  : List.of());
        }
        enrolled.add(name);
        tokens.put(name, token);
        devices.add(
            Json.createObjectBuilder()
                .add("deviceName", name)
                .add("id", String.valueOf(i))
                .add("token", token)
                .add("rotated", rotated));
      }
      answer(
          x,
          201,
          Json.createObjectBuilder()
              .add("apiVersion", "v3")
              .add("statusCode", 201)
              .add("devices", devices)
              .build()
              .toString());
    }
  }

  private void device(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String[] parts = path.split("/");
    String name = parts[5];
    // GET /api/v3/device/name/{name}/setpoint with the device's own token
    commandReads.merge(name, 1, Integer::sum);
    if (!("Bearer " + tokens.get(name)).equals(x.getRequestHeaders().getFirst("Authorization"))) {
      answer(x, 403, "{}");
      return;
    }
    String value = commands.get(name);
    if (value == null) {
      answer(x, 404, "{\"statusCode\":404}");
      return;
    }
    answer(
        x,
        200,
        "{\"apiVersion\":\"v3\",\"statusCode\":200,\"event\":{\"apiVersion\":\"v3\",\"id\":\"c\","
            + "\"deviceName\":\""
            + name
            + "\",\"profileName\":\"room-controller\",\"sourceName\":\"setpoint\",\"origin\":1,"
            + "\"readings\":[{\"origin\":1,\"deviceName\":\""
            + name
            + "\",\"resourceName\":\"setpoint\",\"profileName\":\"room-controller\","
            + "\"valueType\":\"Float64\",\"value\":\""
            + value
            + "\"}]}}");
  }

  private static void answer(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  /** Gives a device a token as if it had been registered before. */
  public void knownDevice(String name, String token) {
    tokens.put(name, token);
  }

  @Override
  public void close() {
    stop();
  }
}
