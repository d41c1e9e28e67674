/*
 * Relay drain benchmark: how fast the relay empties a backlog of PENDING events into Kafka after an
 * outage, and how long forwarding takes at a steady load. A Java single-file program (JDK 21+) with
 * the MongoDB driver on its class path:
 *
 *   ./mvnw -q -pl bench dependency:copy-dependencies
 *   java -cp 'bench/target/dependency/*' bench/DrainBenchmark.java drain [--option value ...]
 *   java -cp 'bench/target/dependency/*' bench/DrainBenchmark.java latency [--option value ...]
 *
 * drain: with the application stopped (it refuses to seed while --health answers), writes --events
 *   PENDING events (default 100000) for --devices devices (default 100) straight into the edge
 *   buffer, in exactly the layout ingest stores them (one temperature and one humidity reading
 *   each, each device every 10 s), as a broker outage would leave them. Then runs --start (default "./setpoint start
 *   app"), and from the relay's /metrics (setpoint_relay_forwarded, read once a second, which costs
 *   the store nothing) prints the drain rate per second and overall: events/s from the first
 *   forwarded event to the last. At the end it counts the run's FORWARDED events in MongoDB (must
 *   be exactly --events) and, with --influx, waits until InfluxDB holds all of them and prints the
 *   end-to-end rate into InfluxDB too.
 * latency: reads the events FORWARDED in the last --window s (default 120) and prints percentiles
 *   of forwardedAt - receivedAt: the time an event waits at the edge before the broker has it. Run
 *   it after a steady load, e.g. java bench/IngestBenchmark.java open --rate 100 --duration 60.
 *
 * --run drain-xxxxxxxx re-measures the drain of a backlog seeded by an earlier run (the application
 *   stopped before it finished), without seeding again.
 *
 * Options: --mongo mongodb://127.0.0.1:27017  --db setpoint  --url http://127.0.0.1:9080 (the app:
 *   /health)  --metrics-url https://127.0.0.1:9443/metrics?scope=application (the scraper's
 *   credential is needed, over HTTPS: the JVM must trust the hub's certificate, e.g.
 *   -Djavax.net.ssl.trustStore=...)  --metrics-password-file ~/.local/share/setpoint/secrets/
 *   metrics.password (./setpoint's)  --influx http://127.0.0.1:8086 (empty: skip)  --influx-db
 *   setpoint
 */

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

public class DrainBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern FORWARDED =
      Pattern.compile("(?m)^setpoint_relay_forwarded(?:_total)?\\{[^}]*\\}\\s+([0-9.eE+-]+)");

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "drain";
    Map<String, String> o = options(args);
    try (MongoClient mongo =
        MongoClients.create(o.getOrDefault("mongo", "mongodb://127.0.0.1:27017"))) {
      MongoCollection<Document> events =
          mongo.getDatabase(o.getOrDefault("db", "setpoint")).getCollection("events");
      switch (mode) {
        case "drain" -> drain(events, o);
        case "latency" -> latency(events, o);
        default -> throw new IllegalArgumentException("mode: drain or latency, not " + mode);
      }
    }
  }

  private static void drain(MongoCollection<Document> events, Map<String, String> o)
      throws Exception {
    int count = Integer.parseInt(o.getOrDefault("events", "100000"));
    int devices = Integer.parseInt(o.getOrDefault("devices", "100"));
    String url = o.getOrDefault("url", "http://127.0.0.1:9080");
    scraperAuthorization(o.get("metrics-password-file")); // before seeding: fails without it
    String start = o.getOrDefault("start", "./setpoint start app");
    if (status(url + "/health/live") > 0) {
      throw new IllegalStateException(
          "the application answers at " + url + "; stop it first (./setpoint stop app)");
    }
    String run = o.getOrDefault("run", "");
    if (!run.isEmpty()) {
      // A backlog seeded before (a run that could not finish): measure its drain again.
      count =
          (int)
              events.countDocuments(
                  and(regex("deviceName", "^" + run + "-"), eq("state", "PENDING")));
      System.out.printf(Locale.ROOT, "re-using run %s: %,d events PENDING%n", run, count);
    } else {
      // Earlier runs' events would only make every scan of mongo-java-server slower.
      long old = events.deleteMany(regex("deviceName", "^drain-")).getDeletedCount();
      System.out.printf(Locale.ROOT, "deleted %,d events of earlier runs%n", old);
      run = "drain-" + UUID.randomUUID().toString().substring(0, 8);
      seed(events, run, count, devices);
    }
    // The relay drains every PENDING event, not only this run's: wait for all of them.
    long others = events.countDocuments(eq("state", "PENDING")) - count;
    if (others > 0) {
      System.out.printf(Locale.ROOT, "%,d other events are PENDING too%n", others);
    }
    drain(events, o, run, count, (int) (count + Math.max(0, others)), url, start);
  }

  private static void seed(MongoCollection<Document> events, String run, int count, int devices) {
    long t0 = System.nanoTime();
    // Each device every 10 s, as agents post: the backlog of a (count / devices * 10 s) outage.
    long step = 10_000_000_000L / devices;
    long origin = System.currentTimeMillis() * 1_000_000L - count * step;
    List<Document> batch = new ArrayList<>(1000);
    for (int i = 0; i < count; i++) {
      String device = run + "-" + (i % devices);
      long at = origin + i * step;
      batch.add(
          new Document("_id", UUID.randomUUID().toString())
              .append("deviceName", device)
              .append("profileName", "room-sensor")
              .append("sourceName", "climate")
              .append("origin", at)
              .append(
                  "readings",
                  List.of(
                      reading(device, at, "temperature", 20 + (i % 100) / 10.0, "°C"),
                      reading(device, at, "humidity", 40 + (i % 200) / 10.0, "%RH")))
              .append("state", "PENDING")
              .append("receivedAt", System.currentTimeMillis()));
      if (batch.size() == 1000 || i == count - 1) {
        events.insertMany(batch, new InsertManyOptions().ordered(false));
        batch.clear();
        System.out.printf(Locale.ROOT, "\rseeded %,d of %,d", i + 1, count);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nseeded %,d PENDING events for %d devices (%s) in %.1f s%n",
        count,
        devices,
        run,
        (System.nanoTime() - t0) / 1e9);
  }

  private static void drain(
      MongoCollection<Document> events,
      Map<String, String> o,
      String run,
      int count,
      int backlog,
      String url,
      String start)
      throws Exception {
    String metricsUrl =
        o.getOrDefault("metrics-url", "https://127.0.0.1:9443/metrics?scope=application");
    String scraper = scraperAuthorization(o.get("metrics-password-file"));
    System.out.println("starting the application: " + start);
    Process p = new ProcessBuilder("bash", "-c", start).inheritIO().start();
    long startedAt = System.nanoTime();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("'" + start + "' failed");
    }
    System.out.printf(Locale.ROOT, "ready after %.1f s%n", (System.nanoTime() - startedAt) / 1e9);

    double previous = 0;
    long firstNanos = 0;
    long lastNanos = 0;
    double forwarded = 0;
    List<Double> perSecond = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (forwarded < backlog && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      forwarded = forwarded(metricsUrl, scraper);
      long now = System.nanoTime();
      if (forwarded > 0 && firstNanos == 0) {
        firstNanos = now;
      }
      if (forwarded > previous) {
        lastNanos = now;
        perSecond.add(forwarded - previous);
      }
      System.out.printf(
          Locale.ROOT,
          "\rforwarded %,.0f of %,d (+%,.0f/s)   ",
          forwarded,
          backlog,
          forwarded - previous);
      previous = forwarded;
    }
    System.out.println();
    long inMongo =
        events.countDocuments(and(regex("deviceName", "^" + run + "-"), eq("state", "PENDING")));
    double seconds = (lastNanos - firstNanos) / 1e9 + 1; // the first poll saw one second's work
    Collections.sort(perSecond);
    System.out.printf(
        Locale.ROOT,
        "drain: %,d events in %.1f s = %,.0f events/s (per-second median %,.0f, best %,.0f); still PENDING in MongoDB: %,d%n",
        backlog,
        seconds,
        backlog / seconds,
        perSecond.isEmpty() ? 0 : perSecond.get(perSecond.size() / 2),
        perSecond.isEmpty() ? 0 : perSecond.get(perSecond.size() - 1),
        inMongo);
    if (inMongo != 0) {
      throw new IllegalStateException(inMongo + " of the run's events are still PENDING");
    }
    String influx = o.getOrDefault("influx", "http://127.0.0.1:8086");
    if (!influx.isEmpty()) {
      String db = o.getOrDefault("influx-db", "setpoint");
      long expected = count; // the events PENDING when the drain began
      long points = 0;
      while (points < expected && System.nanoTime() < deadline) {
        points = influxCount(influx, db, run);
        System.out.printf(Locale.ROOT, "\rInfluxDB holds %,d of %,d   ", points, expected);
        if (points < expected) {
          Thread.sleep(2000);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%nend to end: %,d points in InfluxDB %.1f s after the application was ready (%,.0f points/s)%n",
          points,
          (System.nanoTime() - startedAt) / 1e9,
          points / ((System.nanoTime() - startedAt) / 1e9));
    }
  }

  private static Document reading(String device, long at, String name, double value, String u) {
    return new Document("id", UUID.randomUUID().toString())
        .append("origin", at)
        .append("deviceName", device)
        .append("resourceName", name)
        .append("profileName", "room-sensor")
        .append("valueType", "Float64")
        .append("value", Double.toString(value))
        .append("units", u);
  }

  private static void latency(MongoCollection<Document> events, Map<String, String> o) {
    long window = Long.parseLong(o.getOrDefault("window", "120")) * 1000;
    List<Long> waits = new ArrayList<>();
    for (Document d :
        events.find(
            and(
                eq("state", "FORWARDED"),
                gte("receivedAt", System.currentTimeMillis() - window)))) {
      waits.add(
          d.get("forwardedAt", Number.class).longValue()
              - d.get("receivedAt", Number.class).longValue());
    }
    if (waits.isEmpty()) {
      throw new IllegalStateException("no event was forwarded in the last " + window / 1000 + " s");
    }
    Collections.sort(waits);
    System.out.printf(
        Locale.ROOT,
        "forwarding latency (receivedAt -> broker ack) over %,d events: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
        waits.size(),
        pct(waits, 50),
        pct(waits, 95),
        pct(waits, 99),
        waits.get(waits.size() - 1));
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** Basic credentials of /metrics' scraper (user metrics), from the password file. */
  private static String scraperAuthorization(String passwordFile) throws Exception {
    if (passwordFile == null) {
      throw new IllegalArgumentException("--metrics-password-file is required (see the header)");
    }
    String basic = "metrics:" + Files.readString(Path.of(passwordFile)).strip();
    return "Basic " + java.util.Base64.getEncoder().encodeToString(basic.getBytes());
  }

  private static double forwarded(String metricsUrl, String authorization) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(metricsUrl))
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(metricsUrl + " answered " + r.statusCode());
    }
    Matcher m = FORWARDED.matcher(r.body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static long influxCount(String influx, String db, String run) throws Exception {
    String q = "SELECT count(temperature) FROM climate WHERE device =~ /^" + run + "-/";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        influx
                            + "/query?db="
                            + db
                            + "&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)\\]\\]").matcher(r.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        o.put(args[i].substring(2), args[++i]);
      }
    }
    return o;
  }
}
