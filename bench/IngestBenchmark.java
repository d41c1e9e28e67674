/*
 * Ingest benchmark: EdgeX v3 event posts against a running stack (./setpoint run or start), and
 * the thin-path benchmark behind docs/benchmarks.md. A Java single-file program (JDK 21+):
 *
 *   java bench/IngestBenchmark.java [closed|open|thin-path] [--option value ...]
 *
 * closed (default): for each reading count (--readings 1,10) and client count (--clients 1,16,64),
 *   every client posts, waits for the answer, posts again, for --warmup s (not counted) and then
 *   --duration s; prints events/s (201s only) and post latency p50/p95/p99/max per combination.
 *   A first --prewarm s at 16 clients (not counted) warms a freshly started server's JIT, so the
 *   first row is not a cold start.
 *   With --metrics-url and --metrics-password-file it also reads the relay's forwarded counter
 *   (setpoint_relay_forwarded: events the broker acknowledged and the relay's cursor passed) at the
 *   start and end of every measured row and prints those per second too, "Kafka-acked/s": what
 *   the edge delivered, not only what it took (HTTPS: the JVM must trust the hub's certificate,
 *   -Djavax.net.ssl.trustStore=.setpoint/data/secrets/tls/hub.p12 and its password).
 * open: posts at a fixed rate (--rate 1000 events/s) for --duration s from up to --connections
 *   connections, whatever the answers take; latency counts from the moment a post was due, so a
 *   stalled server shows as latency rather than as a slower schedule (no coordinated omission).
 *   --acked FILE writes "device eventId" of every event answered 201 (warm-up included) when the
 *   run ends, for EdgeOutageBenchmark's verify to find each of them downstream (a fault run).
 * thin-path: posts --events events from --clients clients, waits until InfluxDB (--influx) holds
 *   every one of them, then times --samples single events from the post until InfluxQL returns
 *   them (what bench/ThinPathBenchmark.java runs).
 *
 * Options for every mode:
 *   --url http://127.0.0.1:9080    ingest's base URL
 *   --token T                      sent as "Authorization: Bearer T" on every post
 *   --devices a,b,c | @file        device names to post as (round robin); a file holds one device
 *                                  per line, "name" or "name token" (a per-device bearer token)
 *   --device-count 64              without --devices: that many generated names, bench-<run>-<k>
 *   --service, --profile, --source the names in the post path and body (bench, room-sensor, climate)
 *   --register true|false          register a profile (one Float64 resource per --resources name),
 *                                  the --service and the devices with the operator --token, then
 *                                  post as each device with its own token (default: true when
 *                                  --token is given without --devices; profile bench-climate)
 *   --resources a,b,...            resource names of the readings, at least as many as the largest
 *                                  reading count (default temperature, humidity, value3..value10)
 *
 * Posts use the JDK's HTTP client (java.net.http), HTTP/1.1 over keep-alive connections that its
 * pool reuses: one connection per client thread at most; every request goes to --url (and
 * --influx) only.
 */

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IngestBenchmark {
  private static final Pattern INFLUX_COUNT =
      Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)\\]\\]");
  private static final Duration THIN_PATH_TIMEOUT = Duration.ofMinutes(10);

  public static void main(String[] args) throws Exception {
    boolean hasMode = args.length > 0 && !args[0].startsWith("--");
    String mode = hasMode ? args[0] : "closed";
    Options options = new Options(Arrays.copyOfRange(args, hasMode ? 1 : 0, args.length));
    Target target = Target.from(options);
    List<String> samples = new ArrayList<>();
    if (mode.equals("thin-path")) {
      for (int s = 0; s < options.integer("samples", 20); s++) {
        samples.add(target.run + "-single-" + s);
      }
    }
    target.register(samples);
    System.out.printf(
        "%s mode against %s; java %s, %d cores; run %s%n",
        mode,
        target.url,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        target.run);
    boolean ok =
        switch (mode) {
          case "closed" -> closed(target, options);
          case "open" -> open(target, options);
          case "thin-path" -> thinPath(target, options);
          default ->
              throw new IllegalArgumentException(
                  "unknown mode " + mode + " (closed, open, thin-path)");
        };
    System.exit(ok ? 0 : 1);
  }

  // ------------------------------------------------------------------------------------ modes

  /** Closed loop: each client waits for its answer before posting again. */
  static boolean closed(Target target, Options options) throws Exception {
    List<Integer> readingCounts = options.ints("readings", "1,10");
    List<Integer> clientCounts = options.ints("clients", "1,16,64");
    int warmup = options.integer("warmup", 5);
    int duration = options.integer("duration", 20);
    target.checkResources(readingCounts);
    runClosed(target, readingCounts.get(0), 16, options.integer("prewarm", 10), null);
    System.out.println();
    Forwarded forwarded = Forwarded.from(options);
    System.out.println(
        "| readings | clients | events/s | p50 ms | p95 ms | p99 ms | max ms | posts | not 201 |"
            + (forwarded == null ? "" : " Kafka-acked/s |"));
    System.out.println(
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (forwarded == null ? "" : "---:|"));
    boolean ok = true;
    for (int readings : readingCounts) {
      for (int clients : clientCounts) {
        runClosed(target, readings, clients, warmup, null);
        double before = forwarded == null ? 0 : forwarded.read();
        long t0 = System.nanoTime();
        Result result = runClosed(target, readings, clients, duration, new Latencies());
        String acked =
            forwarded == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    " %.0f |",
                    (forwarded.read() - before) / ((System.nanoTime() - t0) / 1e9));
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %.0f | %s | %d | %d |%s%n",
            readings,
            clients,
            result.accepted / result.seconds,
            result.latencies.row(),
            result.posts,
            result.posts - result.accepted,
            acked);
        result.printFailures();
        ok &= result.accepted == result.posts;
      }
    }
    return ok;
  }

  /** Open loop at a fixed rate; latency from each post's due time. */
  static boolean open(Target target, Options options) throws Exception {
    double rate = options.number("rate", 1000);
    int duration = options.integer("duration", 30);
    int warmup = options.integer("warmup", 5);
    int readings = options.integer("readings", 1);
    int connections = options.integer("connections", 128);
    String ackedFile = options.text("acked", null);
    if (ackedFile != null) {
      target.acked = new ConcurrentLinkedQueue<>();
    }
    target.checkResources(List.of(readings));
    runClosed(target, readings, 16, options.integer("prewarm", 10), null);
    runOpen(target, rate, readings, connections, warmup, null);
    Latencies latencies = new Latencies();
    Result result = runOpen(target, rate, readings, connections, duration, latencies);
    System.out.printf(
        Locale.ROOT,
        "open loop, %d-reading events at %.0f/s for %d s over up to %d connections:%n"
            + "  %d posts, %d accepted = %.0f events/s; %d started more than 1 ms late%n"
            + "  latency from due time: %s%n",
        readings,
        rate,
        duration,
        connections,
        result.posts,
        result.accepted,
        result.accepted / result.seconds,
        result.late,
        latencies.summary());
    result.printFailures();
    if (ackedFile != null) {
      Files.write(Path.of(ackedFile), target.acked);
      System.out.printf(
          Locale.ROOT,
          "  %d events answered 201 (warm-up included) listed in %s%n",
          target.acked.size(),
          ackedFile);
    }
    return result.accepted == result.posts;
  }

  /** Post, wait for every event to be a point in InfluxDB, then time single events end to end. */
  static boolean thinPath(Target target, Options options) throws Exception {
    String influx = options.text("influx", "http://127.0.0.1:8086");
    int events = options.integer("events", 20000);
    int clients = options.integer("clients", 16);
    int samples = options.integer("samples", 20);
    target.checkResources(List.of(2));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String devices = "device =~ /^" + Pattern.quote(target.run) + "-/";
    if (!target.generatedDevices) {
      throw new IllegalArgumentException(
          "thin-path counts points by generated device names; drop --devices");
    }

    // Phase 1: closed-loop posts, a fixed number of them.
    Latencies latencies = new Latencies();
    Result result = runCount(target, 2, clients, events, latencies);
    System.out.printf(
        Locale.ROOT,
        "ingest: %d events accepted in %.1f s = %.0f events/s; %d not accepted%n",
        result.accepted,
        result.seconds,
        result.accepted / result.seconds,
        result.posts - result.accepted);
    System.out.println("post latency: " + latencies.summary());
    result.printFailures();

    // Phase 2: until every accepted event is a point in InfluxDB.
    long start = result.startNanos;
    long stored = 0;
    long deadline = System.nanoTime() + THIN_PATH_TIMEOUT.toNanos();
    while (stored < result.accepted && System.nanoTime() < deadline) {
      stored = influxCount(http, influx, devices);
      if (stored < result.accepted) {
        Thread.sleep(200);
      }
    }
    double e2e = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "end to end: %d of %d events in InfluxDB %.1f s after the first post = %.0f events/s%n",
        stored,
        result.accepted,
        e2e,
        stored / e2e);

    // Phase 3: single-event latency, post to readable, on the now idle pipeline.
    Latencies single = new Latencies();
    for (int s = 0; s < samples; s++) {
      String name = target.run + "-single-" + s;
      Device device = target.extraDevices.getOrDefault(name, new Device(name, target.token));
      long t0 = System.nanoTime();
      int status = target.poster.post(target.path(device), target.body(device, 2, s), device.token);
      if (status != 201) {
        throw new IllegalStateException("sample post answered " + status);
      }
      while (influxCount(http, influx, "device = '" + device.name + "'") < 1) {
        if (System.nanoTime() - t0 > THIN_PATH_TIMEOUT.toNanos()) {
          throw new IllegalStateException("sample " + s + " never reached InfluxDB");
        }
        Thread.sleep(10);
      }
      single.add(System.nanoTime() - t0);
    }
    System.out.println("post to readable in InfluxDB (idle, one at a time): " + single.summary());
    return stored == result.accepted && result.accepted == result.posts;
  }

  private static long influxCount(HttpClient http, String influx, String where) throws Exception {
    String q = "SELECT count(temperature) FROM climate WHERE " + where;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        influx
                            + "/query?db=setpoint&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = INFLUX_COUNT.matcher(response.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  // ------------------------------------------------------------------------------- load loops

  /** Closed loop for a time; {@code latencies} null for a warm-up. */
  static Result runClosed(
      Target target, int readings, int clients, int seconds, Latencies latencies) throws Exception {
    Result result = new Result(latencies);
    long end = result.startNanos + seconds * 1_000_000_000L;
    runClients(
        clients,
        c -> {
          int i = c;
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            result.record(target.post(i, readings), System.nanoTime() - t0);
            i += clients;
          }
        });
    result.finish();
    return result;
  }

  /** Closed loop for a number of posts. */
  static Result runCount(Target target, int readings, int clients, int posts, Latencies latencies)
      throws Exception {
    Result result = new Result(latencies);
    AtomicInteger next = new AtomicInteger();
    runClients(
        clients,
        c -> {
          int i;
          while ((i = next.getAndIncrement()) < posts) {
            long t0 = System.nanoTime();
            result.record(target.post(i, readings), System.nanoTime() - t0);
          }
        });
    result.finish();
    return result;
  }

  /** Open loop: post i is due at start + i / rate, whenever a connection is free. */
  static Result runOpen(
      Target target, double rate, int readings, int connections, int seconds, Latencies latencies)
      throws Exception {
    Result result = new Result(latencies);
    long period = (long) (1e9 / rate);
    long total = (long) (rate * seconds);
    AtomicLong next = new AtomicLong();
    runClients(
        connections,
        c -> {
          long i;
          while ((i = next.getAndIncrement()) < total) {
            long due = result.startNanos + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
              LockSupport.parkNanos(wait);
            }
            if (-wait > 1_000_000) {
              result.lateSend();
            }
            result.record(target.post((int) i, readings), System.nanoTime() - due);
          }
        });
    result.finish();
    return result;
  }

  interface Client {
    void run(int index) throws Exception;
  }

  private static void runClients(int count, Client client) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      int index = c;
      Thread thread =
          new Thread(
              () -> {
                try {
                  client.run(index);
                } catch (Exception e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "client-" + c);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  // ---------------------------------------------------------------------------------- results

  /** Counts and latencies of one run; thread-safe. */
  static final class Result {
    final long startNanos = System.nanoTime();
    final Latencies latencies;
    final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
    final AtomicLong postCount = new AtomicLong();
    final AtomicLong acceptedCount = new AtomicLong();
    final AtomicLong lateCount = new AtomicLong();
    long posts;
    long accepted;
    long late;
    double seconds;

    Result(Latencies latencies) {
      this.latencies = latencies;
    }

    void record(int status, long nanos) {
      postCount.incrementAndGet();
      if (status == 201) {
        acceptedCount.incrementAndGet();
      } else {
        failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
      }
      if (latencies != null) {
        latencies.add(nanos);
      }
    }

    void lateSend() {
      lateCount.incrementAndGet();
    }

    void finish() {
      seconds = (System.nanoTime() - startNanos) / 1e9;
      posts = postCount.get();
      accepted = acceptedCount.get();
      late = lateCount.get();
    }

    void printFailures() {
      if (!failures.isEmpty()) {
        System.out.println(
            "  answers other than 201 (status: count; -1 = connection error): " + failures);
      }
    }
  }

  /** Latency samples in nanoseconds. */
  static final class Latencies {
    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
      if (size == samples.length) {
        samples = Arrays.copyOf(samples, size * 2);
      }
      samples[size++] = nanos;
    }

    private synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(samples, size);
      Arrays.sort(copy);
      return copy;
    }

    private static double at(long[] sorted, double q) {
      return sorted[
              Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))]
          / 1e6;
    }

    /** "p50 | p95 | p99 | max" in ms, for a table row. */
    String row() {
      long[] s = sorted();
      if (s.length == 0) {
        return "- | - | - | -";
      }
      return String.format(
          Locale.ROOT,
          "%.1f | %.1f | %.1f | %.1f",
          at(s, 0.50),
          at(s, 0.95),
          at(s, 0.99),
          s[s.length - 1] / 1e6);
    }

    String summary() {
      long[] s = sorted();
      if (s.length == 0) {
        return "no samples";
      }
      return String.format(
          Locale.ROOT,
          "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%d samples)",
          at(s, 0.50),
          at(s, 0.95),
          at(s, 0.99),
          at(s, 0.999),
          s[s.length - 1] / 1e6,
          s.length);
    }
  }

  // ----------------------------------------------------------------------------------- target

  record Device(String name, String token) {}

  /** Where to post and what: the URL, the device names, the event shape. */
  static final class Target {
    final String url;
    final String basePath;

    /** One client for every post, so its pool reuses the connections. */
    final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final Poster poster;
    final String token;
    List<Device> devices;
    final boolean generatedDevices;
    final String service;
    final boolean registering;
    final String profile;
    final String source;
    final List<String> resources;
    final String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);

    private Target(Options options) throws IOException {
      url = options.text("url", "http://127.0.0.1:9080");
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme())) {
        throw new IllegalArgumentException("--url must be http://host:port, was " + url);
      }
      poster =
          new Poster(
              http,
              URI.create(
                  "http://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 80 : uri.getPort())));
      basePath =
          uri.getPath() == null || uri.getPath().equals("/")
              ? ""
              : uri.getPath().replaceAll("/$", "");
      token = options.text("token", null);
      service = options.text("service", "bench");
      registering =
          options.has("register")
              ? Boolean.parseBoolean(options.text("register", "true"))
              : token != null && !options.has("devices");
      profile = options.text("profile", registering ? "bench-climate" : "room-sensor");

      source = options.text("source", "climate");
      List<String> names = new ArrayList<>(List.of("temperature", "humidity"));
      for (int r = 3; r <= 10; r++) {
        names.add("value" + r);
      }
      resources =
          options.has("resources") ? List.of(options.text("resources", null).split(",")) : names;
      String list = options.text("devices", null);
      List<Device> named = new ArrayList<>();
      if (list == null) {
        int count = options.integer("device-count", 64);
        for (int k = 0; k < count; k++) {
          named.add(new Device(run + "-" + k, token));
        }
        generatedDevices = true;
      } else if (list.startsWith("@")) {
        for (String line : Files.readAllLines(Path.of(list.substring(1)))) {
          String[] parts = line.trim().split("\\s+");
          if (!parts[0].isEmpty() && !parts[0].startsWith("#")) {
            named.add(new Device(parts[0], parts.length > 1 ? parts[1] : token));
          }
        }
        generatedDevices = false;
      } else {
        for (String name : list.split(",")) {
          named.add(new Device(name.trim(), token));
        }
        generatedDevices = false;
      }
      if (named.isEmpty()) {
        throw new IllegalArgumentException("no device names in --devices " + list);
      }
      devices = List.copyOf(named);
    }

    /**
     * Registers the benchmark's profile (one Float64 resource per --resources name), device service
     * and devices with the operator --token, and posts as each device with the token it got, as a
     * real device would. A profile, service or device left by an earlier run is reused; a device
     * registered before keeps posting with the operator token, as its own token was shown once.
     */
    void register(List<String> extra) throws Exception {
      if (!registering) {
        return;
      }
      StringBuilder resourcesJson = new StringBuilder();
      for (String r : resources) {
        resourcesJson
            .append(resourcesJson.isEmpty() ? "" : ",")
            .append("{\"name\":\"")
            .append(r)
            .append(
                "\",\"properties\":{\"valueType\":\"Float64\",\"readWrite\":\"R\",\"minimum\":-1000,\"maximum\":1000}}");
      }
      registration(
          "deviceprofile",
          "[{\"apiVersion\":\"v3\",\"profile\":{\"name\":\""
              + profile
              + "\",\"manufacturer\":\"setpoint\",\"model\":\"benchmark\",\"deviceResources\":["
              + resourcesJson
              + "]}}]");
      registration(
          "deviceservice",
          "[{\"apiVersion\":\"v3\",\"service\":{\"name\":\""
              + service
              + "\",\"adminState\":\"UNLOCKED\"}}]");
      List<Device> all = new ArrayList<>(devices);
      extra.forEach(name -> all.add(new Device(name, token)));
      List<Device> registered = new ArrayList<>();
      for (int from = 0; from < all.size(); from += 100) {
        List<Device> batch = all.subList(from, Math.min(all.size(), from + 100));
        StringBuilder json = new StringBuilder("[");
        for (Device d : batch) {
          json.append(json.length() == 1 ? "" : ",")
              .append("{\"apiVersion\":\"v3\",\"device\":{\"name\":\"")
              .append(d.name)
              .append("\",\"adminState\":\"UNLOCKED\",\"operatingState\":\"UP\",\"serviceName\":\"")
              .append(service)
              .append("\",\"profileName\":\"")
              .append(profile)
              .append("\",\"protocols\":{\"bench\":{\"host\":\"127.0.0.1\"}}}}");
        }
        String answer = registration("device", json.append("]").toString());
        // One element per device, in order: its token, or a 409 for a device registered before.
        Matcher element =
            Pattern.compile("\\{[^{}]*\"statusCode\":(\\d+)[^{}]*\\}").matcher(answer);
        for (Device d : batch) {
          if (!element.find()) {
            throw new IllegalStateException("device registration answered " + answer);
          }
          Matcher t = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(element.group());
          registered.add(new Device(d.name, t.find() ? t.group(1) : token));
        }
      }
      devices = List.copyOf(registered.subList(0, devices.size()));
      extraDevices =
          registered.subList(devices.size(), registered.size()).stream()
              .collect(java.util.stream.Collectors.toMap(Device::name, d -> d));
      System.out.printf(
          "registered profile %s, service %s and %d devices%n",
          profile, service, registered.size());
    }

    Map<String, Device> extraDevices = Map.of();

    private String registration(String what, String json) throws Exception {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/api/v3/" + what))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 207
          || !response.body().matches("(?s).*\"statusCode\":(201|409).*")) {
        throw new IllegalStateException(
            "POST /api/v3/" + what + " answered " + response.statusCode() + " " + response.body());
      }
      return response.body();
    }

    static Target from(Options options) throws IOException {
      return new Target(options);
    }

    void checkResources(List<Integer> readingCounts) {
      int most = readingCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
      if (most > resources.size()) {
        throw new IllegalArgumentException(
            most + " readings per event need as many --resources, have " + resources);
      }
    }

    Device device(int i) {
      return devices.get(Math.floorMod(i, devices.size()));
    }

    /** Posts event {@code i} as its device; the status, or -1 when the post failed twice. */
    int post(int i, int readings) throws InterruptedException {
      Device device = device(i);
      UUID id = randomId();
      int status = poster.safePost(path(device), body(device, readings, i, id), device.token);
      if (status == 201 && acked != null) {
        acked.add(device.name + " " + id);
      }
      return status;
    }

    /** With --acked: "device eventId" of every event answered 201, to write when the run ends. */
    Queue<String> acked;

    String path(Device device) {
      return basePath
          + "/api/v3/event/"
          + service
          + "/"
          + profile
          + "/"
          + device.name
          + "/"
          + source;
    }

    /** An AddEventRequest with a fresh id and {@code readings} Float64 readings, origin now. */
    byte[] body(Device device, int readings, int i) {
      return body(device, readings, i, randomId());
    }

    /** A version-4 UUID without SecureRandom's shared lock. */
    static UUID randomId() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      return new UUID(
          (random.nextLong() & ~0xF000L) | 0x4000L,
          (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    byte[] body(Device device, int readings, int i, UUID id) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long origin = System.currentTimeMillis() * 1_000_000L + random.nextInt(1_000_000);
      StringBuilder json =
          new StringBuilder(160 + 90 * readings)
              .append("{\"apiVersion\":\"v3\",\"event\":{\"apiVersion\":\"v3\",\"id\":\"")
              .append(id)
              .append("\",\"deviceName\":\"")
              .append(device.name)
              .append("\",\"profileName\":\"")
              .append(profile)
              .append("\",\"sourceName\":\"")
              .append(source)
              .append("\",\"origin\":")
              .append(origin)
              .append(",\"readings\":[");
      for (int r = 0; r < readings; r++) {
        if (r > 0) {
          json.append(',');
        }
        json.append("{\"resourceName\":\"")
            .append(resources.get(r))
            .append("\",\"valueType\":\"Float64\",\"value\":\"")
            .append(r == 0 ? 18 + i % 90 / 10.0 : r == 1 ? 35 + i % 200 / 10.0 : i % 100)
            .append("\"}");
      }
      return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  // ------------------------------------------------------------------------------ HTTP client

  /**
   * Posts events with the JDK's HTTP client: HTTP/1.1 over keep-alive connections from its pool.
   * Each client thread posts and waits for the whole answer before it posts again, so the pool
   * holds at most one connection per thread and a thread's next post reuses one that is idle.
   */
  static final class Poster {
    private final HttpClient http;
    private final URI origin;

    Poster(HttpClient http, URI origin) {
      this.http = http;
      this.origin = origin;
    }

    /** The status, or -1 when the post failed twice. */
    int safePost(String path, byte[] body, String token) throws InterruptedException {
      try {
        return post(path, body, token);
      } catch (IOException e) {
        return -1;
      }
    }

    /**
     * Posts and reads the whole answer. A pooled connection the server closed while idle fails
     * before any byte of the answer, and the JDK client sends only idempotent requests again; so a
     * failed post is sent once more, on another connection (event ids make a repeat harmless: at
     * worst a 409).
     */
    int post(String path, byte[] body, String token) throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(origin.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpRequest built = request.build();
      try {
        return http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        return http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
      }
    }
  }

  // ---------------------------------------------------------------------------------- options

  /** {@code --name value} pairs. */
  /** The relay's forwarded counter on /metrics, read as the scraper (user metrics). */
  record Forwarded(HttpClient client, URI url, String authorization) {
    private static final Pattern COUNTER =
        Pattern.compile(
            "(?m)^setpoint_relay_forwarded(?:_total)?(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)");

    static Forwarded from(Options options) throws IOException {
      if (!options.has("metrics-url")) {
        return null;
      }
      String password =
          Files.readString(Path.of(options.text("metrics-password-file", "metrics.password")))
              .strip();
      return new Forwarded(
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
          URI.create(options.text("metrics-url", "")),
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(("metrics:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    double read() throws IOException, InterruptedException {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(url).header("Authorization", authorization).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = COUNTER.matcher(r.body());
      if (r.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException(
            url + " answered " + r.statusCode() + " without the counter");
      }
      return Double.parseDouble(m.group(1));
    }
  }

  static final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "expected --name value, got " + String.join(" ", args));
        }
        values.put(args[i].substring(2), args[i + 1]);
      }
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    String text(String name, String absent) {
      return values.getOrDefault(name, absent);
    }

    int integer(String name, int absent) {
      return values.containsKey(name) ? Integer.parseInt(values.get(name)) : absent;
    }

    double number(String name, double absent) {
      return values.containsKey(name) ? Double.parseDouble(values.get(name)) : absent;
    }

    List<Integer> ints(String name, String absent) {
      List<Integer> list = new ArrayList<>();
      for (String part : values.getOrDefault(name, absent).split(",")) {
        list.add(Integer.parseInt(part.trim()));
      }
      return list;
    }
  }
}
