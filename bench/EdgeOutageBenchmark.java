/*
 * Edge outage, recovery and steady state on the batch log (issue 20): the parts of those runs that
 * talk to the store directly. A Java single-file program (JDK 21+) with the MongoDB driver on its
 * class path:
 *
 *   ./mvnw -q -pl bench dependency:copy-dependencies
 *   java -cp 'bench/target/dependency/*' bench/EdgeOutageBenchmark.java MODE [--option value ...]
 *
 * The load itself comes from the other programs: ingest's posts from IngestBenchmark (closed at 64
 * clients, open at 500/s and at 100/s), the relay's drain is the product's own. The commands of a
 * whole run are in docs/benchmarks.md ("Edge outage, recovery and steady state on the batch log").
 *
 * raw:    the raw rates of the store under the edge buffer, with the same durability (the stack's
 *         MongoDB-wire server commits before it acknowledges): --seconds (8) of one insert command
 *         per event document, then insertMany of 100 and of 1,000 (unordered) for as long each,
 *         into a scratch database (--raw-db bench-raw, dropped afterwards). The documents are
 *         events as ingest embeds them in a batch (two Float64 readings), with an _id.
 * load:   with the application stopped, writes --events events (default 1,000,000) of --devices
 *         devices (1,000; each every 10 s, so the backlog of an outage of events / devices × 10 s)
 *         straight into the edge buffer's batch log, in the layout ingest stores (contracts'
 *         EdgeLog: batch documents of --batch events (256, ingest's write.batch-max) and the
 *         counter; no document per event), --chunk batches (20) per command. Prints the load rate and
 *         the raw event bytes (the sum of the events' BSON sizes as the driver encodes them), the
 *         H2 file's size (--file) as it goes, and appends "run events firstSeq lastSeq rawBytes"
 *         to --state (edge-outage.state).
 * log:    what the log holds: the counter, the cursor, events after the cursor, batch documents
 *         present, and the sum of n over the batch documents after the cursor (so
 *         "nothing lost" is counted, not assumed); --file's size.
 * watch:  the recovery: polls the cursor and the counter once a second (two lookups) until the
 *         cursor passed --until-seq (default: the last loaded batch in --state) or --timeout s
 *         (840); prints events acknowledged by the broker per 10 s and the drain rate from the
 *         first cursor move to the last; samples --file's size every 10 s, and keeps sampling for
 *         --after s (0) once the drain is done (compaction, the launcher's file compaction).
 * verify: reads a dump of setpoint.telemetry (--dump FILE, lines "key<TAB>json" as Kafka's console
 *         consumer prints them with print.key=true) and, for the devices whose name starts with
 *         --prefix, checks every event is there exactly once (by eventId; --expected events in all)
 *         and each device's events came in increasing origin (the order its agent sent them);
 *         with --acked FILE (IngestBenchmark open --acked) also that every event answered 201 is
 *         there, and how many there were not answered 201 (stored while a fault lost the answer);
 *         with --influx (http://127.0.0.1:8086, db --influx-db setpoint) also counts their points.
 *
 * Options: --mongo mongodb://127.0.0.1:27017  --db setpoint
 */

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

public class EdgeOutageBenchmark {
  private static final Codec<Document> CODEC =
      MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
  private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
  // contracts' dev.setpoint.contracts.buffer.EdgeLog (a single-file program cannot import it)
  private static final String LOG = "edgelog";
  private static final String META = "edgelogMeta";

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "";
    Map<String, String> o = options(args);
    if (mode.equals("verify")) {
      verify(o);
      return;
    }
    try (MongoClient mongo =
        MongoClients.create(o.getOrDefault("mongo", "mongodb://127.0.0.1:27017"))) {
      MongoDatabase db = mongo.getDatabase(o.getOrDefault("db", "setpoint"));
      switch (mode) {
        case "raw" -> raw(mongo.getDatabase(o.getOrDefault("raw-db", "bench-raw")), o);
        case "load" -> load(db, o);
        case "log" -> log(db, o);
        case "watch" -> watch(db, o);
        default -> throw new IllegalArgumentException("mode: raw, load, log, watch or verify");
      }
    }
  }

  // ------------------------------------------------------------------------------------- raw

  private static void raw(MongoDatabase scratch, Map<String, String> o) {
    long seconds = Long.parseLong(o.getOrDefault("seconds", "8"));
    MongoCollection<Document> c = scratch.getCollection("events");
    scratch.drop();
    Document sample = event("raw-0", 0, System.currentTimeMillis() * 1_000_000L);
    System.out.printf(Locale.ROOT, "event document: %d bytes of BSON%n", bsonSize(sample));
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long t0 = System.nanoTime();
    int n = 0;
    while (System.nanoTime() < deadline) {
      c.insertOne(withId(event("raw-" + (n % 1000), n, t0)));
      n++;
    }
    double single = n / ((System.nanoTime() - t0) / 1e9);
    double b100 = batches(c, 100, seconds);
    double b1000 = batches(c, 1000, seconds);
    scratch.drop();
    System.out.printf(
        Locale.ROOT,
        "raw store (commit before acknowledging): %,.0f single inserts/s; insertMany of 100: %,.0f docs/s;"
            + " of 1,000: %,.0f docs/s%n",
        single,
        b100,
        b1000);
  }

  private static double batches(MongoCollection<Document> c, int size, long seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long t0 = System.nanoTime();
    long n = 0;
    while (System.nanoTime() < deadline) {
      List<Document> batch = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        batch.add(withId(event("raw-" + (i % 1000), n + i, t0)));
      }
      c.insertMany(batch, UNORDERED);
      n += size;
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static Document withId(Document event) {
    return new Document("_id", event.getString("id")).append("event", event);
  }

  // ------------------------------------------------------------------------------------ load

  private static void load(MongoDatabase db, Map<String, String> o) throws IOException {
    long count = Long.parseLong(o.getOrDefault("events", "1000000"));
    int devices = Integer.parseInt(o.getOrDefault("devices", "1000"));
    int batch = Integer.parseInt(o.getOrDefault("batch", "256"));
    int chunk = Integer.parseInt(o.getOrDefault("chunk", "20"));
    String run = o.getOrDefault("run", "outage-" + UUID.randomUUID().toString().substring(0, 8));
    Path file = o.containsKey("file") ? Path.of(o.get("file")) : null;
    MongoCollection<Document> log = db.getCollection(LOG);
    MongoCollection<Document> meta = db.getCollection(META);
    // Each device every 10 s, oldest first: the backlog of a (count / devices × 10 s) outage.
    long step = 10_000_000_000L / devices;
    long origin = System.currentTimeMillis() * 1_000_000L - count * step;
    long t0 = System.nanoTime();
    long rawBytes = 0;
    long firstSeq = -1;
    long lastSeq = -1;
    long done = 0;
    long nextReport = 100_000;
    while (done < count) {
      int batches = (int) Math.min(chunk, (count - done + batch - 1) / batch);
      List<List<Document>> events = new ArrayList<>(batches);
      long planned = 0;
      for (int b = 0; b < batches; b++) {
        int size = (int) Math.min(batch, count - done - planned);
        List<Document> one = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
          long i = done + planned + k;
          Document e = event(run + "-" + (i % devices), i, origin + i * step);
          rawBytes += bsonSize(e);
          one.add(e);
        }
        planned += size;
        events.add(one);
      }
      long now = System.currentTimeMillis();
      Document counter =
          meta.findOneAndUpdate(
              eq("_id", "sequence"),
              Updates.combine(
                  Updates.inc("seq", (long) batches),
                  Updates.inc("events", planned),
                  Updates.set("at", now)),
              new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
      long seq = number(counter, "seq") - batches + 1;
      if (firstSeq < 0) {
        firstSeq = seq;
      }
      List<Document> documents = new ArrayList<>(batches);
      for (List<Document> one : events) {
        Map<String, Integer> perDevice = new LinkedHashMap<>();
        for (Document e : one) {
          perDevice.merge(e.getString("deviceName"), 1, Integer::sum);
        }
        List<Document> summary = new ArrayList<>(perDevice.size());
        perDevice.forEach((d, n) -> summary.add(new Document("d", d).append("n", n)));
        documents.add(
            new Document("_id", seq)
                .append("storedAt", now)
                .append("n", one.size())
                .append("devices", summary)
                .append("events", one));
        lastSeq = seq++;
      }
      log.insertMany(documents, UNORDERED);
      done += planned;
      if (done >= nextReport || done == count) {
        nextReport += 100_000;
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%s loaded %,d of %,d (%,.0f events/s), raw %s, file %s%n",
            Instant.now(),
            done,
            count,
            done / s,
            mb(rawBytes),
            file == null ? "-" : mb(size(file)));
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "loaded %,d events of %d devices (%s) in batches of %d, seq %d..%d, in %.1f s = %,.0f events/s;"
            + " raw event bytes %,d (%s, %.0f bytes/event)%n",
        count,
        devices,
        run,
        batch,
        firstSeq,
        lastSeq,
        s,
        count / s,
        rawBytes,
        mb(rawBytes),
        rawBytes / (double) count);
    Files.writeString(
        Path.of(o.getOrDefault("state", "edge-outage.state")),
        String.format(Locale.ROOT, "%s %d %d %d %d%n", run, count, firstSeq, lastSeq, rawBytes),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** An event as ingest embeds it in a batch (EventDocuments#toEmbedded): two Float64 readings. */
  private static Document event(String device, long i, long at) {
    return new Document("id", UUID.randomUUID().toString())
        .append("deviceName", device)
        .append("profileName", "room-sensor")
        .append("sourceName", "climate")
        .append("origin", at)
        .append(
            "readings",
            List.of(
                reading(at, "temperature", Double.toString(20 + (i % 100) / 10.0), "°C"),
                reading(at, "humidity", Double.toString(40 + (i % 200) / 10.0), "%RH")))
        .append("receivedAt", System.currentTimeMillis())
        .append("site", null)
        .append("room", null);
  }

  private static Document reading(long at, String resource, String value, String units) {
    return new Document("id", UUID.randomUUID().toString())
        .append("origin", at)
        .append("resourceName", resource)
        .append("valueType", "Float64")
        .append("value", value)
        .append("units", units);
  }

  private static int bsonSize(Document d) {
    BasicOutputBuffer buffer = new BasicOutputBuffer(512);
    CODEC.encode(new BsonBinaryWriter(buffer), d, EncoderContext.builder().build());
    return buffer.getPosition();
  }

  // ------------------------------------------------------------------------------------- log

  private static void log(MongoDatabase db, Map<String, String> o) {
    Document counter = meta(db, "sequence");
    Document cursor = meta(db, "telemetry");
    long after = number(counter, "events") - number(cursor, "events");
    long stored = 0;
    long batches = 0;
    for (Document b :
        db.getCollection(LOG)
            .find(gt("_id", number(cursor, "seq")))
            .projection(Projections.include("n"))) {
      stored += number(b, "n");
      batches++;
    }
    System.out.printf(
        Locale.ROOT,
        "counter seq %d events %,d; cursor seq %d events %,d compacted %s; after the cursor: %,d"
            + " by the counts, %,d in %,d batch documents; documents: %,d batches; file %s%n",
        number(counter, "seq"),
        number(counter, "events"),
        number(cursor, "seq"),
        number(cursor, "events"),
        cursor.get("compacted"),
        after,
        stored,
        batches,
        db.getCollection(LOG).estimatedDocumentCount(),
        o.containsKey("file") ? mb(size(Path.of(o.get("file")))) : "-");
  }

  // ----------------------------------------------------------------------------------- watch

  private static void watch(MongoDatabase db, Map<String, String> o) throws Exception {
    long until =
        o.containsKey("until-seq")
            ? Long.parseLong(o.get("until-seq"))
            : lastLoadedSeq(Path.of(o.getOrDefault("state", "edge-outage.state")));
    long timeout = Long.parseLong(o.getOrDefault("timeout", "840")) * 1_000_000_000L;
    long after = Long.parseLong(o.getOrDefault("after", "0")) * 1_000_000_000L;
    Path file = o.containsKey("file") ? Path.of(o.get("file")) : null;
    long t0 = System.nanoTime();
    long startEvents = number(meta(db, "telemetry"), "events");
    long backlog = number(meta(db, "sequence"), "events") - startEvents;
    System.out.printf(
        Locale.ROOT,
        "%s watching: %,d events after the cursor (seq %d), until the cursor passes seq %d; file %s%n",
        Instant.now(),
        backlog,
        number(meta(db, "telemetry"), "seq"),
        until,
        file == null ? "-" : mb(size(file)));
    long first = 0;
    long last = 0;
    long firstEvents = startEvents;
    long lastEvents = startEvents;
    long tick = 0;
    long previous = startEvents;
    long seq = 0;
    while (System.nanoTime() - t0 < timeout) {
      Thread.sleep(1000);
      try {
        Document cursor = meta(db, "telemetry");
        long events = number(cursor, "events");
        seq = number(cursor, "seq");
        long now = System.nanoTime();
        if (events > lastEvents) {
          if (first == 0) {
            first = now;
          }
          last = now;
          lastEvents = events;
        }
        if (++tick % 10 == 0) {
          System.out.printf(
              Locale.ROOT,
              "%s +%.0f s: cursor seq %d, %,d acknowledged (+%,.0f/s over 10 s), %,d after it,"
                  + " file %s%n",
              Instant.now(),
              (now - t0) / 1e9,
              seq,
              events - startEvents,
              (events - previous) / 10.0,
              number(meta(db, "sequence"), "events") - events,
              file == null ? "-" : mb(size(file)));
          previous = events;
        }
      } catch (MongoException e) {
        // The store killed and restarted under the watch (bench/kill-at-scale.sh): look again.
        System.out.printf(Locale.ROOT, "%s store not answering: %s%n", Instant.now(), e);
      }
      if (seq >= until) {
        break;
      }
    }
    double seconds = (last - first) / 1e9 + 1; // the first look saw up to a second's work
    System.out.printf(
        Locale.ROOT,
        "%s drain: cursor seq %d (target %d): %,d events acknowledged by the broker in %.1f s ="
            + " %,.0f events/s (first to last cursor move), %.1f s after the watch began%n",
        Instant.now(),
        seq,
        until,
        lastEvents - firstEvents,
        seconds,
        (lastEvents - firstEvents) / seconds,
        (System.nanoTime() - t0) / 1e9);
    long end = System.nanoTime() + after;
    while (System.nanoTime() < end) {
      Thread.sleep(10_000);
      Document cursor = meta(db, "telemetry");
      System.out.printf(
          Locale.ROOT,
          "%s after the drain: %,d after the cursor, compacted %s, %,d batch documents, file %s%n",
          Instant.now(),
          number(meta(db, "sequence"), "events") - number(cursor, "events"),
          cursor.get("compacted"),
          db.getCollection(LOG).estimatedDocumentCount(),
          file == null ? "-" : mb(size(file)));
    }
  }

  private static long lastLoadedSeq(Path state) throws IOException {
    List<String> lines = Files.readAllLines(state);
    return Long.parseLong(lines.get(lines.size() - 1).split(" ")[3]);
  }

  // ---------------------------------------------------------------------------------- verify

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ORIGIN = Pattern.compile("\"origin\"\\s*:\\s*(\\d+)");

  private static void verify(Map<String, String> o) throws Exception {
    String prefix = o.getOrDefault("prefix", "outage-");
    long expected = Long.parseLong(o.getOrDefault("expected", "-1"));
    Set<String> seen = new HashSet<>();
    Map<String, Long> lastOrigin = new HashMap<>();
    long messages = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    Set<String> acked = new HashSet<>();
    String ackedFile = o.getOrDefault("acked", "");
    if (!ackedFile.isEmpty()) {
      for (String line : Files.readAllLines(Path.of(ackedFile))) {
        acked.add(line.substring(line.indexOf(' ') + 1));
      }
    }
    try (BufferedReader in = Files.newBufferedReader(Path.of(o.get("dump")))) {
      String line;
      while ((line = in.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab < 0 || !line.startsWith(prefix)) {
          continue;
        }
        String device = line.substring(0, tab);
        Matcher id = EVENT_ID.matcher(line);
        Matcher origin = ORIGIN.matcher(line);
        if (!id.find() || !origin.find()) {
          throw new IllegalStateException("not a telemetry message: " + line);
        }
        messages++;
        if (!seen.add(id.group(1))) {
          duplicates++;
          continue; // a redelivery: the order check is about first deliveries
        }
        long at = Long.parseLong(origin.group(1));
        Long before = lastOrigin.put(device, at);
        if (before != null && before >= at) {
          outOfOrder++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Kafka: %,d messages of %,d devices (%s*): %,d distinct events (expected %,d), %,d redelivered,"
            + " %,d out of per-device order%n",
        messages,
        lastOrigin.size(),
        prefix,
        seen.size(),
        expected,
        duplicates,
        outOfOrder);
    if (!ackedFile.isEmpty()) {
      long missing = acked.stream().filter(id -> !seen.contains(id)).count();
      System.out.printf(
          Locale.ROOT,
          "answered 201 (%s): %,d events, %,d of them not in Kafka; %,d events in Kafka were not"
              + " answered 201 (stored, the answer lost to a fault, or a retry's)%n",
          ackedFile,
          acked.size(),
          missing,
          seen.stream().filter(id -> !acked.contains(id)).count());
    }
    String influx = o.getOrDefault("influx", "");
    if (!influx.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "InfluxDB: %,d points of %s* in climate%n",
          influxCount(influx, o.getOrDefault("influx-db", "setpoint"), prefix),
          prefix);
    }
  }

  private static long influxCount(String influx, String db, String prefix) throws Exception {
    String q = "SELECT count(temperature) FROM climate WHERE device =~ /^" + prefix + "/";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            influx
                                + "/query?db="
                                + db
                                + "&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofMinutes(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)\\]\\]").matcher(r.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  // ---------------------------------------------------------------------------------- common

  private static Document meta(MongoDatabase db, String id) {
    Document d = db.getCollection(META).find(eq("_id", id)).first();
    return d == null ? new Document() : d;
  }

  private static long number(Document d, String field) {
    return d.get(field) instanceof Number n ? n.longValue() : 0L;
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
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
