/*
 * Cloud path benchmark: how fast analytics takes telemetry from Kafka into InfluxDB, against the
 * raw single-writer rate of the same InfluxDB measured in the same run, and how late a message is
 * readable at a steady load. A Java single-file program (JDK 21+) with the Kafka client on its
 * class path, run against the whole stack (./setpoint start):
 *
 *   ./mvnw -q -pl bench dependency:copy-dependencies
 *   java -cp 'bench/target/dependency/*' bench/CloudPathBenchmark.java throughput [--option value ...]
 *   java -cp 'bench/target/dependency/*' bench/CloudPathBenchmark.java latency [--option value ...]
 *   java -cp 'bench/target/dependency/*' bench/CloudPathBenchmark.java shapes [--option value ...]
 *
 * throughput: first writes --raw-points (default 500000) lines of the climate points' shape to a
 *   scratch database (setpoint_bench_raw, dropped afterwards) in batches of --raw-batch (5000) from
 *   one writer: InfluxDB's raw rate. Then builds --events (default 1000000) telemetry messages for
 *   --devices (default 10000) devices, each its own room, reporting its inlet temperature, its
 *   setpoint and complete outdoor conditions (so the recommender has everything a decision needs),
 *   with current origins (each device's messages one --spacing apart, default 1 s, ending now), and
 *   produces them straight into setpoint.telemetry keyed by device. It times their arrival in
 *   InfluxDB (a count query every --poll, default 1 s) and prints events/s from the first produce to
 *   the last point readable, and the ratio to the raw rate. From analytics' /metrics it reads, over
 *   the run, the heap used (min/max, base memory_usedHeap_bytes: the whole server's heap; the EAR
 *   runs every WAR in one JVM), batch writes, points stored, messages written twice (rewritten),
 *   and, after --decide-wait (default 0 s: the recommender decides on its own schedule, its first
 *   decision a decision interval after a room's first sample), the decisions per reason. Model
 *   decisions are those that asked the model (reasons model, step_limited, no_safe_candidate,
 *   rate_limited); holds for an incomplete or stale window do not count.
 * shapes: InfluxDB's raw rate (as throughput measures it) for points of four shapes, from the
 *   climate point as it was until 2026-12-05 (with the weather's provenance on every point) to
 *   the bare readings, --rounds times (default 2).
 * latency: produces --rate events/s (default 5000) for --warmup s (default 0: the fleet's first
 *   readings, which make new series, rooms and devices, untimed) and then --duration s (default 60)
 *   over --devices devices, and meanwhile, every --probe-every ms (default 250), one probe message
 *   whose arrival it awaits by querying InfluxDB every 10 ms; prints percentiles of the time from
 *   the broker's acknowledgement of the probe to the probe being readable (and the probes slower
 *   than 1 s, with when), the server's heap over the run (and its lowest sample per minute), and
 *   the recommender's decisions during the run as above: run it longer than a decision interval
 *   (five minutes) for the rooms' first decisions. It also prints the events/s analytics stored
 *   over the timed part (its stored counter, scraped at the end of the warm-up and of production),
 *   how many of the run's events were readable when production stopped, and how long the rest
 *   took: a rate analytics sustains leaves a backlog of about a second's events. With
 *   --raw-points N (default 0: skipped) it first measures InfluxDB's raw rate as throughput does.
 *
 * Options: --kafka 127.0.0.1:9092  --influx http://127.0.0.1:8086  --influx-db setpoint
 *   --metrics-url https://127.0.0.1:9443/metrics (the scraper's credential is needed, over HTTPS:
 *   the JVM must trust the hub's certificate, e.g. -Djavax.net.ssl.trustStore=...)
 *   --metrics-password-file .setpoint/data/secrets/metrics.password (./setpoint's; empty: skip
 *   the metrics)  --timeout 600 (s, the most the throughput run waits for InfluxDB)
 */

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
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class CloudPathBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TOPIC = "setpoint.telemetry";
  private static final Pattern COUNT = Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)\\]\\]");
  private static final Pattern DECISIONS =
      Pattern.compile(
          "(?m)^setpoint_analytics_recommendations_total\\{[^}]*reason=\"([a-z_]+)\"[^}]*\\}"
              + " ([0-9.eE+]+)");
  private static final List<String> MODEL_REASONS =
      List.of("model", "step_limited", "no_safe_candidate", "rate_limited");

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("throughput", "latency", "shapes").contains(args[0])) {
      System.err.println(
          "usage: CloudPathBenchmark throughput|latency|shapes [--option value ...]");
      System.exit(2);
    }
    Map<String, String> o = options(args);
    switch (args[0]) {
      case "throughput" -> throughput(o);
      case "latency" -> latency(o);
      default -> shapes(o);
    }
  }

  /**
   * The raw rate of points of each shape, --rounds times (default 2): what each field of a climate
   * point costs InfluxDB.
   */
  private static void shapes(Map<String, String> o) throws Exception {
    String influx = o.getOrDefault("influx", "http://127.0.0.1:8086");
    int points = Integer.parseInt(o.getOrDefault("raw-points", "500000"));
    int batch = Integer.parseInt(o.getOrDefault("raw-batch", "5000"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "2"));
    for (int r = 0; r < rounds; r++) {
      for (Shape shape : Shape.values()) {
        System.out.printf(
            Locale.ROOT,
            "%-34s %6.0f points/s%n",
            shape.name().toLowerCase(Locale.ROOT),
            rawRate(influx, points, batch, shape));
      }
    }
  }

  /** The fields of a raw point, from the climate point before 2026-12-05 to the bare readings. */
  enum Shape {
    WITH_WEATHER_PROVENANCE(true, true, true),
    CLIMATE(true, true, false),
    WITHOUT_WEATHER(true, false, false),
    WITHOUT_WEATHER_AND_EVENT_ID(false, false, false);

    final boolean eventId;
    final boolean weather;
    final boolean provenance;

    Shape(boolean eventId, boolean weather, boolean provenance) {
      this.eventId = eventId;
      this.weather = weather;
      this.provenance = provenance;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // throughput

  private static void throughput(Map<String, String> o) throws Exception {
    String influx = o.getOrDefault("influx", "http://127.0.0.1:8086");
    String db = o.getOrDefault("influx-db", "setpoint");
    int events = Integer.parseInt(o.getOrDefault("events", "1000000"));
    int devices = Integer.parseInt(o.getOrDefault("devices", "10000"));
    Duration spacing = Duration.parse(o.getOrDefault("spacing", "PT1S"));
    Duration poll = Duration.ofMillis(Long.parseLong(o.getOrDefault("poll", "1000")));
    Duration timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout", "600")));
    Duration decideWait = Duration.ofSeconds(Long.parseLong(o.getOrDefault("decide-wait", "0")));
    Metrics metrics = Metrics.of(o);

    double raw =
        rawRate(
            influx,
            Integer.parseInt(o.getOrDefault("raw-points", "500000")),
            Integer.parseInt(o.getOrDefault("raw-batch", "5000")));
    System.out.printf(Locale.ROOT, "influxdb raw single writer: %.0f points/s%n", raw);

    String run = "cpb-" + UUID.randomUUID().toString().substring(0, 8);
    int perDevice = (events + devices - 1) / devices;
    Map<String, Double> decisionsBefore = metrics.decisions();
    Map<String, Double> before = metrics.figures();
    System.out.printf(
        Locale.ROOT,
        "run %s: %d events, %d devices, %d each, origins %s apart ending now%n",
        run,
        events,
        devices,
        perDevice,
        spacing);

    HeapWatch heap = new HeapWatch(metrics);
    heap.start();
    long t0 = System.nanoTime();
    long nowNs = System.currentTimeMillis() * 1_000_000L;
    AtomicLong produced = new AtomicLong();
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (KafkaProducer<String, String> producer = producer(o)) {
      // Round after round over the devices, so every device's messages arrive in origin order.
      for (int k = 0; k < perDevice && produced.get() < events; k++) {
        long origin = nowNs - (perDevice - 1 - k) * spacing.toNanos();
        for (int d = 0; d < devices && produced.get() < events; d++) {
          String device = run + "-d" + d;
          producer.send(
              new ProducerRecord<>(TOPIC, device, message(run, device, d, k, origin)),
              (meta, e) -> {
                if (e != null) {
                  failed.compareAndSet(null, e);
                }
              });
          produced.incrementAndGet();
        }
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    long producedAt = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "produced %d in %.1f s (%.0f/s)%n",
        events,
        seconds(producedAt - t0),
        events / seconds(producedAt - t0));

    long count = 0;
    long lastChange = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    while (count < events && System.nanoTime() < deadline) {
      Thread.sleep(poll.toMillis());
      long now = influxCount(influx, db, run);
      if (now != count) {
        count = now;
        lastChange = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "  %6.1f s: %d points (%.0f/s)%n",
            seconds(lastChange - t0),
            count,
            count / seconds(lastChange - t0));
      }
    }
    heap.stop();
    double elapsed = seconds(lastChange - t0);
    System.out.printf(
        Locale.ROOT,
        "in InfluxDB: %d of %d in %.1f s: %.0f events/s, %.3f of the raw rate%n",
        count,
        events,
        elapsed,
        count / elapsed,
        count / elapsed / raw);
    Map<String, Double> after = metrics.figures();
    for (String name : after.keySet()) {
      System.out.printf(
          Locale.ROOT, "  %s: +%.0f%n", name, after.get(name) - before.getOrDefault(name, 0.0));
    }
    heap.print();
    if (!decideWait.isZero()) {
      System.out.printf(
          Locale.ROOT, "waiting %d s for the rooms' decisions%n", decideWait.toSeconds());
      Thread.sleep(decideWait.toMillis());
    }
    printDecisions(decisionsBefore, metrics.decisions());
    if (count < events) {
      System.out.println("INCOMPLETE: not every event reached InfluxDB within the timeout");
      System.exit(1);
    }
  }

  /**
   * One telemetry message as the relay forwards it (schema 4), hand-built JSON. The rooms are
   * healthy, as most of a fleet is at any moment: inlets 22.0-25.9 °C, each swinging 0.2 °C over 20
   * minutes of its readings' own time (at most 4 °C an hour, under the rate alert's 20), humidity
   * 40-49 % (dew points under the 15 °C warning), so what is timed is the telemetry's path, not an
   * alert raised for every room.
   */
  static String message(String run, String device, int d, int k, long originNs) {
    long originMs = originNs / 1_000_000L;
    double inlet =
        Math.round(
                (22.0 + (d % 40) / 10.0 + 0.2 * Math.sin(2 * Math.PI * originMs / 1_200_000.0 + d))
                    * 100)
            / 100.0;
    double outdoor = 8.0 + (d % 20);
    return "{\"schemaVersion\":4,\"eventId\":\""
        + run
        + "-"
        + d
        + "-"
        + k
        + "\",\"device\":\""
        + device
        + "\",\"profile\":\"room-controller\",\"source\":\"climate\",\"origin\":"
        + originNs
        + ",\"readings\":[{\"resource\":\"temperature\",\"value\":"
        + inlet
        + ",\"units\":\"degC\"},{\"resource\":\"humidity\",\"value\":"
        + (40.0 + d % 10)
        + ",\"units\":\"%RH\"}],\"site\":\""
        + run
        + "-site\",\"outdoor\":{\"temperature\":"
        + outdoor
        + ",\"humidity\":60.0,\"category\":3,\"observedAt\":"
        + originMs
        + ",\"source\":\"simulated\",\"stale\":false,\"ageSeconds\":10,\"simulated\":true},"
        + "\"setpoint\":22.0,\"receivedAt\":"
        + originMs
        + "}";
  }

  /** Points/s one writer puts into a scratch database in batches of {@code batch} lines. */
  static double rawRate(String influx, int points, int batch) throws Exception {
    return rawRate(influx, points, batch, Shape.CLIMATE);
  }

  static double rawRate(String influx, int points, int batch, Shape shape) throws Exception {
    String db = "setpoint_bench_raw";
    influxQuery(influx, "", "CREATE DATABASE " + db, true);
    try {
      long origin = System.currentTimeMillis() * 1_000_000L - points * 1_000_000L;
      List<String> bodies = new ArrayList<>();
      for (int start = 0; start < points; start += batch) {
        StringBuilder body = new StringBuilder(batch * 160);
        for (int i = start; i < Math.min(points, start + batch); i++) {
          body.append("climate,device=raw-d")
              .append(i % 10_000)
              .append(",room=raw-r")
              .append(i % 10_000)
              .append(",source=climate,site=raw-site temperature=")
              .append(22.0 + (i % 50) / 10.0)
              .append(",humidity=")
              .append(40.0 + i % 20);
          if (shape.eventId) {
            body.append(",event_id=\"raw-").append(i).append('"');
          }
          if (shape.weather) {
            body.append(",outdoor_temperature=12.0,outdoor_humidity=60.0,weather_category=3i");
          }
          if (shape.provenance) {
            body.append(",weather_stale=false,weather_age_s=")
                .append(10 + i / 10_000)
                .append("i,weather_simulated=true");
          }
          body.append(",current_setpoint=22.0 ").append(origin + i * 1_000_000L).append('\n');
        }
        bodies.add(body.toString());
      }
      long t0 = System.nanoTime();
      for (String body : bodies) {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(influx + "/write?db=" + db + "&precision=ns"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
          throw new IllegalStateException("raw write answered " + r.statusCode() + ": " + r.body());
        }
      }
      return points / seconds(System.nanoTime() - t0);
    } finally {
      influxQuery(influx, "", "DROP DATABASE " + db, true);
    }
  }

  private static void printDecisions(Map<String, Double> before, Map<String, Double> after) {
    double model = 0;
    double all = 0;
    Map<String, Double> per = new TreeMap<>();
    for (Map.Entry<String, Double> e : after.entrySet()) {
      double n = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      if (n > 0) {
        per.put(e.getKey(), n);
        all += n;
        if (MODEL_REASONS.contains(e.getKey())) {
          model += n;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "recommender decisions during the run: %.0f (model decisions: %.0f) %s%n",
        all,
        model,
        per);
  }

  // ---------------------------------------------------------------------------------------------
  // latency

  private static void latency(Map<String, String> o) throws Exception {
    String influx = o.getOrDefault("influx", "http://127.0.0.1:8086");
    String db = o.getOrDefault("influx-db", "setpoint");
    int rate = Integer.parseInt(o.getOrDefault("rate", "5000"));
    int devices = Integer.parseInt(o.getOrDefault("devices", "10000"));
    int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
    long probeEvery = Long.parseLong(o.getOrDefault("probe-every", "250"));
    int rawPoints = Integer.parseInt(o.getOrDefault("raw-points", "0"));
    double raw = Double.NaN;
    if (rawPoints > 0) {
      raw = rawRate(influx, rawPoints, Integer.parseInt(o.getOrDefault("raw-batch", "5000")));
      System.out.printf(Locale.ROOT, "influxdb raw single writer: %.0f points/s%n", raw);
    }
    String run = "cpl-" + UUID.randomUUID().toString().substring(0, 8);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<String> slow = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Exception> failed = new AtomicReference<>();
    Metrics metrics = Metrics.of(o);
    Map<String, Double> decisionsBefore = metrics.decisions();
    HeapWatch heap = new HeapWatch(metrics);
    heap.start();

    try (KafkaProducer<String, String> producer = producer(o)) {
      long t0 = System.nanoTime();
      long end = t0 + (warmup + duration) * 1_000_000_000L;
      Thread probes =
          Thread.ofPlatform()
              .start(
                  () -> {
                    int k = 0;
                    try {
                      // the fleet's first readings (new series, rooms, devices) before the probes
                      Thread.sleep(warmup * 1000L);
                      while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        String device = run + "-probe";
                        long origin = System.currentTimeMillis() * 1_000_000L;
                        producer
                            .send(
                                new ProducerRecord<>(
                                    TOPIC, device, message(run, device, 0, k, origin)))
                            .get();
                        long acked = System.nanoTime();
                        k++;
                        while (!probeVisible(influx, db, device, origin)) {
                          if (System.nanoTime() - acked > 30_000_000_000L) {
                            throw new IllegalStateException("probe not readable after 30 s");
                          }
                          Thread.sleep(10);
                        }
                        long took = System.nanoTime() - acked;
                        latencies.add(took);
                        if (took > 1_000_000_000L) {
                          slow.add(
                              java.time.LocalTime.now().minusNanos(took)
                                  + " +"
                                  + took / 1_000_000L
                                  + " ms");
                        }
                        long left = probeEvery * 1_000_000L - (System.nanoTime() - started);
                        if (left > 0) {
                          Thread.sleep(left / 1_000_000L);
                        }
                      }
                    } catch (Exception e) {
                      failed.compareAndSet(null, e);
                    }
                  });
      long sent = 0;
      long timedFrom = t0 + warmup * 1_000_000_000L;
      Map<String, Double> storedAtWarmup = null;
      long storedAtWarmupNs = 0;
      while (System.nanoTime() < end) {
        if (storedAtWarmup == null && System.nanoTime() >= timedFrom) {
          storedAtWarmup = metrics.figures();
          storedAtWarmupNs = System.nanoTime();
        }
        long due = (System.nanoTime() - t0) * rate / 1_000_000_000L;
        long origin = System.currentTimeMillis() * 1_000_000L;
        for (; sent < due; sent++) {
          int d = (int) (sent % devices);
          String device = run + "-d" + d;
          producer.send(
              new ProducerRecord<>(
                  TOPIC, device, message(run, device, d, (int) (sent / devices), origin + sent)));
        }
        Thread.sleep(5);
      }
      Map<String, Double> storedAtEnd = metrics.figures();
      long storedAtEndNs = System.nanoTime();
      long readableAtEnd = influxCount(influx, db, run);
      probes.join();
      System.out.printf(
          Locale.ROOT,
          "produced %d events at %d/s over %d s (probes in the last %d s), %d probes%n",
          sent,
          rate,
          warmup + duration,
          duration,
          latencies.size());
      // What analytics stored while the timed part ran (every message it wrote, the probes'
      // too), and how far behind the producer it was when production stopped.
      String stored = "setpoint_analytics_telemetry_stored";
      if (storedAtWarmup != null && storedAtEnd.containsKey(stored)) {
        double rateStored =
            (storedAtEnd.get(stored) - storedAtWarmup.getOrDefault(stored, 0.0))
                / seconds(storedAtEndNs - storedAtWarmupNs);
        System.out.printf(
            Locale.ROOT,
            "stored over the timed %d s: %.0f events/s%s%n",
            duration,
            rateStored,
            Double.isNaN(raw)
                ? ""
                : String.format(Locale.ROOT, ", %.3f of the raw rate", rateStored / raw));
      }
      System.out.printf(
          Locale.ROOT,
          "readable in InfluxDB when production stopped: %d of %d (%d behind)%n",
          readableAtEnd,
          sent,
          sent - readableAtEnd);
      long drainFrom = System.nanoTime();
      long readable = readableAtEnd;
      while (readable < sent && System.nanoTime() - drainFrom < 600_000_000_000L) {
        Thread.sleep(500);
        readable = influxCount(influx, db, run);
      }
      System.out.printf(
          Locale.ROOT,
          "all %d readable %.1f s after production stopped%s%n",
          sent,
          seconds(System.nanoTime() - storedAtEndNs),
          readable < sent ? " (NOT: " + readable + " after 600 s)" : "");
    }
    if (failed.get() != null) {
      // a probe not readable in time: analytics fell behind the rate (the heap and decisions below
      // still say how the server fared)
      System.out.println("PROBES STOPPED: " + failed.get());
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    if (!sorted.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "Kafka-to-readable latency (ms): p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
          pct(sorted, 50) / 1e6,
          pct(sorted, 90) / 1e6,
          pct(sorted, 99) / 1e6,
          sorted.get(sorted.size() - 1) / 1e6);
    }
    if (!slow.isEmpty()) {
      // when they were acknowledged, to set beside what the stack did then (InfluxDB's continuous
      // queries run on the minute)
      System.out.println("probes slower than 1 s (acknowledged at, took): " + slow);
    }
    heap.stop();
    heap.print();
    heap.printLowestPerMinute();
    printDecisions(decisionsBefore, metrics.decisions());
    if (failed.get() != null) {
      System.exit(1);
    }
  }

  private static boolean probeVisible(String influx, String db, String device, long originNs)
      throws Exception {
    String q =
        "SELECT count(temperature) FROM climate WHERE device = '"
            + device
            + "' AND time = "
            + originNs;
    return count(influxQuery(influx, db, q, false)) > 0;
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  private static KafkaProducer<String, String> producer(Map<String, String> o) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, o.getOrDefault("kafka", "127.0.0.1:9092"));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L << 20));
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static long influxCount(String influx, String db, String run) throws Exception {
    String q = "SELECT count(temperature) FROM climate WHERE device =~ /^" + run + "-/";
    return count(influxQuery(influx, db, q, false));
  }

  private static long count(String body) {
    Matcher m = COUNT.matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String influxQuery(String influx, String db, String q, boolean post)
      throws Exception {
    String url =
        influx
            + "/query?"
            + (db.isEmpty() ? "" : "db=" + db + "&")
            + "q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (post) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(q + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** Analytics' /metrics, read with the scraper's credential; every figure empty without it. */
  record Metrics(String url, String authorization) {
    static final Pattern HEAP =
        Pattern.compile("(?m)^memory_usedHeap_bytes\\{[^}]*\\} ([0-9.eE+]+)");
    static final List<String> FIGURES =
        List.of(
            "setpoint_analytics_telemetry_stored",
            "setpoint_analytics_telemetry_batches",
            "setpoint_analytics_telemetry_rewritten",
            "setpoint_analytics_telemetry_undecodable");

    static Metrics of(Map<String, String> o) throws Exception {
      String file =
          o.getOrDefault("metrics-password-file", ".setpoint/data/secrets/metrics.password");
      if (file.isEmpty()) {
        return new Metrics(null, null);
      }
      String basic = "metrics:" + Files.readString(Path.of(file)).strip();
      return new Metrics(
          o.getOrDefault("metrics-url", "https://127.0.0.1:9443/metrics"),
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }

    String scrape() throws Exception {
      if (url == null) {
        return "";
      }
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", authorization)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode());
      }
      return r.body();
    }

    Map<String, Double> decisions() throws Exception {
      Map<String, Double> per = new TreeMap<>();
      Matcher m = DECISIONS.matcher(scrape());
      while (m.find()) {
        per.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
      }
      return per;
    }

    Map<String, Double> figures() throws Exception {
      String body = scrape();
      Map<String, Double> figures = new TreeMap<>();
      for (String name : FIGURES) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.eE+]+)").matcher(body);
        if (m.find()) {
          figures.put(name, Double.parseDouble(m.group(1)));
        }
      }
      return figures;
    }

    double heap() throws Exception {
      Matcher m = HEAP.matcher(scrape());
      return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
  }

  /** The server's used heap, read once a second while the run lasts. */
  static final class HeapWatch {
    private final Metrics metrics;
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private Thread thread;

    HeapWatch(Metrics metrics) {
      this.metrics = metrics;
    }

    void start() {
      thread =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (running) {
                      try {
                        double h = metrics.heap();
                        if (!Double.isNaN(h)) {
                          samples.add(h);
                        }
                        Thread.sleep(1000);
                      } catch (InterruptedException e) {
                        return;
                      } catch (Exception e) {
                        // a missed sample: the next one comes in a second
                      }
                    }
                  });
    }

    void stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
    }

    void print() {
      if (samples.isEmpty()) {
        System.out.println("server heap: not read (no metrics credential)");
        return;
      }
      List<Double> s = new ArrayList<>(samples);
      System.out.printf(
          Locale.ROOT,
          "server heap used over the run (MiB): first %.0f  min %.0f  max %.0f  last %.0f"
              + " (%d samples)%n",
          s.get(0) / (1 << 20),
          Collections.min(s) / (1 << 20),
          Collections.max(s) / (1 << 20),
          s.get(s.size() - 1) / (1 << 20),
          s.size());
    }

    /**
     * The lowest sample of each minute (samples are a second apart): the heap's floor after the
     * collections of that minute, which is what grows when something is retained.
     */
    void printLowestPerMinute() {
      List<Double> s = new ArrayList<>(samples);
      StringBuilder line = new StringBuilder("server heap, lowest per minute (MiB):");
      for (int from = 0; from < s.size(); from += 60) {
        List<Double> minute = s.subList(from, Math.min(s.size(), from + 60));
        line.append(String.format(Locale.ROOT, " %.0f", Collections.min(minute) / (1 << 20)));
      }
      System.out.println(line);
    }
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        o.put(args[i].substring(2), args[++i]);
      }
    }
    return o;
  }
}
