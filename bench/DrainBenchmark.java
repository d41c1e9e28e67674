/*
 * Relay drain benchmark: how fast the relay empties a backlog of events into Kafka after an
 * outage, and how long forwarding takes at a steady load. A Java single-file program (JDK 21+) with
 * the MongoDB driver on its class path:
 *
 *   ./mvnw -q -pl bench dependency:copy-dependencies
 *   java -cp 'bench/target/dependency/*' bench/DrainBenchmark.java drain [--option value ...]
 *   java -cp 'bench/target/dependency/*' bench/DrainBenchmark.java latency [--option value ...]
 *
 * drain: with the application stopped (it refuses to seed while --health answers), writes --events
 *   events (default 100000) for --devices devices (default 100) straight into the edge buffer's
 *   batch log, in exactly the layout ingest stores them (contracts' EdgeLog: batches of --batch
 *   events, default 256, each with its sequence number from the counter, no document per event; one
 *   temperature and one humidity reading each, each device every 10 s), as a broker outage would
 *   leave them. Then runs --start (default "./setpoint start
 *   app"), and from the relay's /metrics (setpoint_relay_forwarded, read once a second, which costs
 *   the store nothing) prints the drain rate per second and overall: events/s from the first
 *   forwarded event to the last. At the end it checks that the relay's cursor passed the run's
 *   last batch and, with --influx, waits until InfluxDB holds all of them and prints the
 *   end-to-end rate into InfluxDB too.
 * latency: watches the relay's cursor for --window s (default 60, polled every 50 ms) and prints
 *   percentiles of (when the cursor was first seen past a batch - the batch's storedAt): the time
 *   an event waits at the edge before the broker has it. Run it during a steady load, e.g. java
 *   bench/IngestBenchmark.java open --rate 100 --duration 60.
 *
 * --run drain-xxxxxxxx re-measures the drain of what is left after the cursor (an earlier run's
 *   backlog, the application stopped before it finished), without seeding again.
 *
 * Options: --mongo mongodb://127.0.0.1:27017  --db setpoint  --url http://127.0.0.1:9080 (the app:
 *   /health)  --metrics-url https://127.0.0.1:9443/metrics?scope=application (the scraper's
 *   credential is needed, over HTTPS: the JVM must trust the hub's certificate, e.g.
 *   -Djavax.net.ssl.trustStore=...)  --metrics-password-file ~/.local/share/setpoint/secrets/
 *   metrics.password (./setpoint's)  --influx http://127.0.0.1:8086 (empty: skip)  --influx-db
 *   setpoint
 */

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
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
      MongoDatabase events = mongo.getDatabase(o.getOrDefault("db", "setpoint"));
      switch (mode) {
        case "drain" -> drain(events, o);
        case "latency" -> latency(events, o);
        default -> throw new IllegalArgumentException("mode: drain or latency, not " + mode);
      }
    }
  }

  // The edge buffer's layout, as contracts' dev.setpoint.contracts.buffer.EdgeLog names it (a
  // single-file program cannot import the module).
  private static final String LOG = "edgelog";
  private static final String META = "edgelogMeta";

  private static Document meta(MongoDatabase db, String id) {
    Document d = db.getCollection(META).find(eq("_id", id)).first();
    return d == null ? new Document() : d;
  }

  private static long number(Document d, String field) {
    return d.get(field) instanceof Number n ? n.longValue() : 0L;
  }

  /** Events after the relay's cursor: the counter's running total minus the cursor's. */
  private static long pending(MongoDatabase db) {
    return number(meta(db, "sequence"), "events") - number(meta(db, "telemetry"), "events");
  }

  private static void drain(MongoDatabase events, Map<String, String> o) throws Exception {
    int count = Integer.parseInt(o.getOrDefault("events", "100000"));
    int devices = Integer.parseInt(o.getOrDefault("devices", "100"));
    int batchSize = Integer.parseInt(o.getOrDefault("batch", "256"));
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
      count = (int) pending(events);
      System.out.printf(Locale.ROOT, "re-using run %s: %,d events after the cursor%n", run, count);
    } else {
      run = "drain-" + UUID.randomUUID().toString().substring(0, 8);
      long others = pending(events);
      if (others > 0) {
        System.out.printf(Locale.ROOT, "%,d other events wait after the cursor too%n", others);
      }
      seed(events, run, count, devices, batchSize);
    }
    long lastSeq = number(meta(events, "sequence"), "seq");
    // The relay drains everything after its cursor, not only this run's: wait for all of it.
    drain(events, o, run, count, (int) pending(events), lastSeq, url, start);
  }

  private static void seed(MongoDatabase db, String run, int count, int devices, int batchSize) {
    long t0 = System.nanoTime();
    MongoCollection<Document> log = db.getCollection(LOG);
    // Each device every 10 s, as agents post: the backlog of a (count / devices * 10 s) outage.
    long step = 10_000_000_000L / devices;
    long origin = System.currentTimeMillis() * 1_000_000L - count * step;
    List<Document> batch = new ArrayList<>(batchSize);
    for (int i = 0; i < count; i++) {
      String device = run + "-" + (i % devices);
      long at = origin + i * step;
      batch.add(
          new Document("id", UUID.randomUUID().toString())
              .append("deviceName", device)
              .append("profileName", "room-sensor")
              .append("sourceName", "climate")
              .append("origin", at)
              .append(
                  "readings",
                  List.of(
                      reading(device, at, "temperature", 20 + (i % 100) / 10.0, "°C"),
                      reading(device, at, "humidity", 40 + (i % 200) / 10.0, "%RH")))
              .append("receivedAt", System.currentTimeMillis())
              .append("site", null)
              .append("room", null));
      if (batch.size() == batchSize || i == count - 1) {
        append(db, log, batch);
        batch.clear();
        if ((i + 1) % 10_000 < batchSize || i == count - 1) {
          System.out.printf(Locale.ROOT, "\rseeded %,d of %,d", i + 1, count);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nseeded %,d events for %d devices (%s) in batches of %d in %.1f s%n",
        count,
        devices,
        run,
        batchSize,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Appends one batch as ingest does: reserve its number, then insert it. */
  private static void append(
      MongoDatabase db, MongoCollection<Document> log, List<Document> events) {
    long now = System.currentTimeMillis();
    Document counter =
        db.getCollection(META)
            .findOneAndUpdate(
                eq("_id", "sequence"),
                Updates.combine(
                    Updates.inc("seq", 1L),
                    Updates.inc("events", (long) events.size()),
                    Updates.set("at", now)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    long seq = number(counter, "seq");
    Map<String, Integer> perDevice = new HashMap<>();
    for (Document event : events) {
      perDevice.merge(event.getString("deviceName"), 1, Integer::sum);
    }
    List<Document> summary = new ArrayList<>();
    perDevice.forEach((d, n) -> summary.add(new Document("d", d).append("n", n)));
    log.insertOne(
        new Document("_id", seq)
            .append("storedAt", now)
            .append("n", events.size())
            .append("devices", summary)
            .append("events", List.copyOf(events)));
  }

  private static void drain(
      MongoDatabase events,
      Map<String, String> o,
      String run,
      int count,
      int backlog,
      long lastSeq,
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
    long cursor = number(meta(events, "telemetry"), "seq");
    long inMongo = cursor >= lastSeq ? 0 : pending(events);
    double seconds = (lastNanos - firstNanos) / 1e9 + 1; // the first poll saw one second's work
    Collections.sort(perSecond);
    System.out.printf(
        Locale.ROOT,
        "drain: %,d events in %.1f s = %,.0f events/s (per-second median %,.0f, best %,.0f); still after the cursor: %,d%n",
        backlog,
        seconds,
        backlog / seconds,
        perSecond.isEmpty() ? 0 : perSecond.get(perSecond.size() / 2),
        perSecond.isEmpty() ? 0 : perSecond.get(perSecond.size() - 1),
        inMongo);
    if (inMongo != 0) {
      throw new IllegalStateException(
          "the cursor is at " + cursor + ", before the run's last batch " + lastSeq);
    }
    String influx = o.getOrDefault("influx", "http://127.0.0.1:8086");
    if (!influx.isEmpty()) {
      String db = o.getOrDefault("influx-db", "setpoint");
      long expected = count; // the run's events
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

  private static void latency(MongoDatabase db, Map<String, String> o) throws Exception {
    long window = Long.parseLong(o.getOrDefault("window", "60")) * 1000;
    // When the cursor was first seen at or past each number.
    java.util.TreeMap<Long, Long> passedAt = new java.util.TreeMap<>();
    long first = number(meta(db, "telemetry"), "seq");
    long end = System.currentTimeMillis() + window;
    long seen = first;
    while (System.currentTimeMillis() < end) {
      long cursor = number(meta(db, "telemetry"), "seq");
      long now = System.currentTimeMillis();
      for (long seq = seen + 1; seq <= cursor; seq++) {
        passedAt.put(seq, now);
      }
      seen = Math.max(seen, cursor);
      Thread.sleep(50);
    }
    List<Long> waits = new ArrayList<>();
    List<Long> seqs = new ArrayList<>(passedAt.keySet());
    for (int i = 0; i < seqs.size(); i += 500) {
      for (Document batch :
          db.getCollection(LOG)
              .find(in("_id", seqs.subList(i, Math.min(seqs.size(), i + 500))))
              .projection(new Document("storedAt", 1).append("n", 1))) {
        long wait = passedAt.get(number(batch, "_id")) - number(batch, "storedAt");
        for (long k = 0; k < number(batch, "n"); k++) {
          waits.add(wait);
        }
      }
    }
    if (waits.isEmpty()) {
      throw new IllegalStateException("the cursor did not move in " + window / 1000 + " s");
    }
    Collections.sort(waits);
    System.out.printf(
        Locale.ROOT,
        "forwarding latency (storedAt -> cursor past it, 50 ms resolution) over %,d events: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
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
