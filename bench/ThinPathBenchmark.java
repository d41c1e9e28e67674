/*
 * Thin-path benchmark: events per second from HTTP clients through ingest, MongoDB, relay, Kafka
 * and analytics into InfluxDB, on a running stack (./setpoint start). A Java single-file program:
 *
 *   java bench/ThinPathBenchmark.java [--url http://127.0.0.1:9080] [--influx http://127.0.0.1:8086]
 *                                     [--events 20000] [--clients 16] [--devices 64] [--samples 20]
 *                                     [--token <operator JWT>]
 *
 * The events are posted with an operator token (an operator may post for any device): --token, or
 * the environment variable SETPOINT_TOKEN; the local issuer gives one (valid 1 h by default) as
 * "access_token" of
 *
 *   curl -s -X POST localhost:9080/api/auth/token -H 'Content-Type: application/json' \
 *     -d '{"username":"operator","password":"<the operator password>"}'
 *
 * Phase 1 posts --events EdgeX v3 events from --clients concurrent clients, each waiting for its
 * 201 before the next post (closed loop), and reports the accepted rate and post latency.
 * Phase 2 waits until InfluxDB holds every one of them and reports the end-to-end rate.
 * Phase 3 posts --samples single events on an idle pipeline, one at a time, and reports how long
 * each took from the post to being readable with InfluxQL.
 * Every request goes to the given addresses only; the run is bounded by --events and a timeout.
 */

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ThinPathBenchmark {
  private static final Pattern COUNT = Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)\\]\\]");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    String url = options.getOrDefault("url", "http://127.0.0.1:9080");
    String influx = options.getOrDefault("influx", "http://127.0.0.1:8086");
    int events = Integer.parseInt(options.getOrDefault("events", "20000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
    int devices = Integer.parseInt(options.getOrDefault("devices", "64"));
    int samples = Integer.parseInt(options.getOrDefault("samples", "20"));
    String token = options.getOrDefault("token", System.getenv("SETPOINT_TOKEN"));
    if (token == null || token.isBlank()) {
      System.err.println("an operator token is needed: --token <jwt> or SETPOINT_TOKEN (see the header)");
      System.exit(2);
    }
    String bearer = "Bearer " + token.strip();
    String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    System.out.printf(
        "run %s: %d events, %d clients, %d devices, against %s%n", run, events, clients, devices, url);
    System.out.printf("java %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());

    // Phase 1: closed-loop posts.
    AtomicInteger next = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(events));
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < events) {
                    String device = run + "-" + (i % devices);
                    long t0 = System.nanoTime();
                    int status = post(http, url, bearer, device, i);
                    latencies.add(System.nanoTime() - t0);
                    if (status != 201) {
                      failures.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    double postSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "ingest: %d events accepted in %.1f s = %.0f events/s; %d not accepted%n",
        events - failures.get(), postSeconds, (events - failures.get()) / postSeconds, failures.get());
    System.out.println("post latency: " + percentiles(latencies));

    // Phase 2: until every accepted event is a point in InfluxDB.
    long expected = events - failures.get();
    long stored = 0;
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (stored < expected && System.nanoTime() < deadline) {
      stored = count(http, influx, "device =~ /^" + run + "-/");
      if (stored < expected) {
        Thread.sleep(200);
      }
    }
    double e2eSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "end to end: %d of %d events in InfluxDB %.1f s after the first post = %.0f events/s%n",
        stored, expected, e2eSeconds, stored / e2eSeconds);

    // Phase 3: single-event latency, post to readable, on the now idle pipeline.
    List<Long> single = new ArrayList<>();
    for (int s = 0; s < samples; s++) {
      String device = run + "-single-" + s;
      long t0 = System.nanoTime();
      if (post(http, url, bearer, device, s) != 201) {
        throw new IllegalStateException("sample post refused");
      }
      while (count(http, influx, "device = '" + device + "'") < 1) {
        if (System.nanoTime() - t0 > TIMEOUT.toNanos()) {
          throw new IllegalStateException("sample " + s + " never reached InfluxDB");
        }
        Thread.sleep(10);
      }
      single.add(System.nanoTime() - t0);
    }
    System.out.println("post to readable in InfluxDB (idle, one at a time): " + percentiles(single));
    System.exit(stored == expected && failures.get() == 0 ? 0 : 1);
  }

  private static int post(HttpClient http, String url, String bearer, String device, int i) {
    long origin = System.currentTimeMillis() * 1_000_000L + i % 1_000_000;
    String body =
        "{\"apiVersion\":\"v3\",\"event\":{\"apiVersion\":\"v3\",\"id\":\"" + UUID.randomUUID()
            + "\",\"deviceName\":\"" + device + "\",\"profileName\":\"room-sensor\","
            + "\"sourceName\":\"climate\",\"origin\":" + origin + ",\"readings\":["
            + "{\"resourceName\":\"temperature\",\"valueType\":\"Float64\",\"value\":\""
            + (18 + i % 90 / 10.0) + "\"},"
            + "{\"resourceName\":\"humidity\",\"valueType\":\"Float64\",\"value\":\""
            + (35 + i % 200 / 10.0) + "\"}]}}";
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(url + "/api/v3/event/bench/room-sensor/" + device + "/climate"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", bearer)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static long count(HttpClient http, String influx, String where) throws Exception {
    String q = "SELECT count(temperature) FROM climate WHERE " + where;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        influx + "/query?db=setpoint&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = COUNT.matcher(response.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return "no samples";
    }
    return String.format(
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
        at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6,
        sorted.size());
  }

  private static double at(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
