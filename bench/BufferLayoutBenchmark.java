/*
 * Edge buffer layouts at depth (issue 20): fills the stack's own MongoDB-wire server with a backlog
 * of events in several stored layouts, drains it as a relay would, and prints each layout's rates
 * beside the raw rates of the same store measured in the same run. A Java single-file program (JDK
 * 21+) with the MongoDB driver on its class path:
 *
 *   ./mvnw -q -pl bench dependency:copy-dependencies
 *   java -cp 'bench/target/dependency/*' bench/BufferLayoutBenchmark.java [--option value ...]
 *
 * It needs no running stack: for every layout it starts its own server from stack/MongoServer.java
 * (mongo-java-server on a fresh H2 file in a temporary folder, committed before every write command
 * is acknowledged, exactly as ./setpoint runs it) on a free port, with the heap bound of the issue
 * (-Xmx512m). Right before each layout it starts one more such server on a fresh file and measures
 * the store's raw rates with documents of an event's size: one insert command per document, and
 * insertMany of 100 and of 1,000. Then, on the layout's fresh file:
 *
 * fill:   --events (default 1,000,000) events of --devices devices (default 1,000; one temperature
 *         and one humidity reading each, each device every 10 s, as DrainBenchmark seeds them).
 *         A loader writes all but the last 50,000 straight in the stored layout, --load-chunk
 *         (5,000) events per command (the layout's batches of --batch kept); then, at that depth,
 *         the way ingest's single writer does (duplicate check included): --measure-small
 *         (20,000) in batches of --small-batch (64), --measure-large (30,000) in batches of
 *         --batch (500).
 * sample: the newest 20 events of one device and of all devices, at full depth (ms).
 * drain:  oldest first, pages of --page (500) events, each page marked or deleted as the layout
 *         does, for at most --drain-seconds (420); events/s per 100,000.
 * disk:   the H2 file after the fill, after the drain (and the purge), after the server closed the
 *         store (SIGTERM), and after an offline MVStoreTool -compact, beside the raw event bytes (the
 *         sum of the events' BSON sizes as the driver encodes them in ingest's layout).
 * heap:   whether the server survived (it runs with -XX:+ExitOnOutOfMemoryError), its largest heap
 *         after a GC (from its GC log) and its peak RSS.
 *
 * Layouts (--layouts, a comma list, each LAYOUT or LAYOUT:EVENTS, default A:200000,A,B,C):
 *   A  today's: one document per event, _id = the event id, state PENDING -> FORWARDED by one
 *      updateOne per event in one unordered bulk, the drain one find(state=PENDING).sort(origin)
 *      read through a cursor (relay-war MongoPendingEvents, ingest-war EventDocuments), forwarded
 *      events purged by deleteMany(state=FORWARDED, forwardedAt < t) at the end.
 *   B  a batch log: one document per write batch, _id = a long sequence number, the batch's events
 *      embedded; eventids (_id = event id -> seq) looked up by $in before the batch, inserted after
 *      it; a persisted relay cursor; the drain reads _id $in [cursor+1 ... cursor+k], advances the
 *      cursor, then deletes the forwarded batches and their ids by $in.
 *   B0 B without eventids (no duplicate check): what the id index costs B.
 *   C  one document per event with _id = a long sequence number, plus eventids; drained by $in of
 *      sequence numbers, deleted after forwarding.
 *
 * Other options: --launcher stack/MongoServer.java  --mongo-lib $SETPOINT_HOME/lib/mongo (or
 *   .setpoint/lib/mongo)  --heap 512m  --dir (a temporary folder; removed unless --keep true)
 *   --compact-seconds 300 (the offline compaction's limit)  --layout-seconds 900 (a layout's run
 *   is stopped, its server killed, after that long)  --markdown FILE (appends the tables).
 */

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.conversions.Bson;

public class BufferLayoutBenchmark {
  private static final Codec<Document> CODEC =
      MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
  private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
  private static final int SAMPLE = 20;

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Path lib = mongoLib(o.get("mongo-lib"));
    Path launcher = Path.of(o.getOrDefault("launcher", "stack/MongoServer.java"));
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalArgumentException(
          "no launcher at " + launcher + " (run from the repository)");
    }
    Path dir =
        o.containsKey("dir")
            ? Files.createDirectories(Path.of(o.get("dir")))
            : Files.createTempDirectory("buffer-layouts-");
    int events = Integer.parseInt(o.getOrDefault("events", "1000000"));
    Config c =
        new Config(
            lib,
            launcher,
            o.getOrDefault("heap", "512m"),
            Integer.parseInt(o.getOrDefault("devices", "1000")),
            Integer.parseInt(o.getOrDefault("load-chunk", "5000")),
            Integer.parseInt(o.getOrDefault("measure-small", "20000")),
            Integer.parseInt(o.getOrDefault("measure-large", "30000")),
            Integer.parseInt(o.getOrDefault("small-batch", "64")),
            Integer.parseInt(o.getOrDefault("batch", "500")),
            Integer.parseInt(o.getOrDefault("page", "500")),
            Integer.parseInt(o.getOrDefault("drain-seconds", "420")),
            Integer.parseInt(o.getOrDefault("compact-seconds", "300")),
            Integer.parseInt(o.getOrDefault("layout-seconds", "900")));
    System.out.printf(
        Locale.ROOT,
        "%s  %d cores, load %s, server heap %s, files in %s%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        c.heap,
        dir);
    List<Result> results = new ArrayList<>();
    for (String spec : o.getOrDefault("layouts", "A:200000,A,B,C").split(",")) {
      String[] parts = spec.trim().split(":");
      String name = parts[0].toUpperCase(Locale.ROOT);
      int n = parts.length > 1 ? Integer.parseInt(parts[1]) : events;
      Path runDir = Files.createDirectories(dir.resolve(name + "-" + n));
      Raw raw = raw(c, runDir);
      Result r = run(c, runDir, name, n, raw);
      results.add(r);
      System.out.println(r.row());
    }
    String tables = tables(results);
    System.out.println();
    System.out.println(tables);
    if (o.containsKey("markdown")) {
      Files.writeString(
          Path.of(o.get("markdown")),
          tables + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    if (!Boolean.parseBoolean(o.getOrDefault("keep", "false"))) {
      delete(dir);
    }
  }

  record Config(
      Path lib,
      Path launcher,
      String heap,
      int devices,
      int loadChunk,
      int measureSmall,
      int measureLarge,
      int smallBatch,
      int batch,
      int page,
      int drainSeconds,
      int compactSeconds,
      int layoutSeconds) {}

  /** The store's own rates with documents of an event's size, on a fresh file. */
  record Raw(double single, double batch100, double batch1000, double findById, double findIn500) {}

  private static Raw raw(Config c, Path dir) throws Exception {
    try (Server server = Server.start(c, dir, "raw");
        MongoClient client = server.client()) {
      MongoCollection<Document> raw = client.getDatabase("raw").getCollection("events");
      Events events = new Events(c.devices);
      List<Object> ids = new ArrayList<>();
      long t0 = System.nanoTime();
      int single = 0;
      while (single < 3000 && System.nanoTime() - t0 < 8_000_000_000L) {
        Document d = events.ingestDocument(single);
        ids.add(d.get("_id"));
        raw.insertOne(d);
        single++;
      }
      double singleRate = rate(single, t0);
      double b100 = insertBatches(raw, events, 100, 50, ids);
      double b1000 = insertBatches(raw, events, 1000, 10, ids);
      ThreadLocalRandom random = ThreadLocalRandom.current();
      t0 = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        raw.find(eq("_id", ids.get(random.nextInt(ids.size())))).first();
      }
      double byId = rate(1000, t0);
      t0 = System.nanoTime();
      int found = 0;
      for (int i = 0; i < 20; i++) {
        List<Object> some = new ArrayList<>(500);
        int from = random.nextInt(ids.size() - 500);
        for (int j = 0; j < 500; j++) {
          some.add(ids.get(from + j));
        }
        for (Document ignored : raw.find(in("_id", some))) {
          found++;
        }
      }
      double byIn = rate(found, t0);
      Raw r = new Raw(singleRate, b100, b1000, byId, byIn);
      System.out.printf(
          Locale.ROOT,
          "raw store: insert %,.0f docs/s single, %,.0f in 100s, %,.0f in 1000s;"
              + " find by _id %,.0f/s, by _id $in of 500 %,.0f docs/s%n",
          r.single,
          r.batch100,
          r.batch1000,
          r.findById,
          r.findIn500);
      return r;
    }
  }

  private static double insertBatches(
      MongoCollection<Document> raw, Events events, int size, int batches, List<Object> ids) {
    long t0 = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      List<Document> batch = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        Document d = events.ingestDocument(ids.size());
        ids.add(d.get("_id"));
        batch.add(d);
      }
      raw.insertMany(batch, UNORDERED);
    }
    return rate((long) size * batches, t0);
  }

  static final class Result {
    String layout;
    int events;
    Raw raw;
    long rawBytes;
    double loadRate;
    double fillSmall;
    double fillLarge;
    List<String> fillSteps = new ArrayList<>();
    double newestDeviceMs = -1;
    double newestAllMs = -1;
    String sampleNote = "";
    long drained;
    double drainRate;
    List<String> drainSteps = new ArrayList<>();
    double purgeSeconds = -1;
    long fileAfterFill;
    long fileAfterDrain = -1;
    long fileAfterIdle = -1;
    long fileAfterClose;
    long fileAfterCompact = -1;
    String compactNote = "";
    boolean survived = true;
    String failure = "";
    long peakHeapMb;
    long peakRssMb;

    String row() {
      return String.format(
          Locale.ROOT,
          "%s %,d: fill %,.0f/%,.0f ev/s; drain %,d at %,.0f ev/s; newest %.0f/%.0f ms; file %s fill,"
              + " %s drained, %s closed, %s compacted (raw %s); heap %d MB, RSS %d MB%s",
          layout,
          events,
          fillSmall,
          fillLarge,
          drained,
          drainRate,
          newestDeviceMs,
          newestAllMs,
          mb(fileAfterFill),
          mb(fileAfterDrain),
          mb(fileAfterClose),
          mb(fileAfterCompact),
          mb(rawBytes),
          peakHeapMb,
          peakRssMb,
          survived ? "" : "; FAILED: " + failure);
    }
  }

  private static Result run(Config c, Path dir, String name, int count, Raw raw) throws Exception {
    Result r = new Result();
    r.layout = name;
    r.events = count;
    r.raw = raw;
    Server server = Server.start(c, dir, "layout");
    // A layout whose query outlives the run's budget is stopped here, and reported as such.
    Thread watchdog =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    Thread.sleep(c.layoutSeconds * 1000L);
                    System.out.printf(
                        Locale.ROOT, "%s: over %d s, stopping its server%n", name, c.layoutSeconds);
                    server.process.destroyForcibly();
                  } catch (InterruptedException e) {
                    // the run ended in time
                  }
                });
    try {
      try (MongoClient client = server.client()) {
        Layout layout = layout(name, client.getDatabase("setpoint"));
        layout.setUp();
        Events events = new Events(c.devices);
        // fill: a loader writes the stored layout straight into the store up to the depth, then
        // the last events come in ingest's pattern, measured at that depth
        long t0 = System.nanoTime();
        long step0 = t0;
        int written = 0;
        int measured = Math.min(count, c.measureSmall + c.measureLarge);
        while (written < count - measured) {
          int size = Math.min(c.loadChunk, count - measured - written);
          List<Document> chunk = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            Document d = events.ingestDocument(written + i);
            r.rawBytes += new RawBsonDocument(d, CODEC).getByteBuffer().remaining();
            chunk.add(d);
          }
          layout.load(chunk, c.batch);
          int before = written;
          written += size;
          if (written / 100_000 != before / 100_000 || written == count - measured) {
            String s =
                String.format(
                    Locale.ROOT,
                    "%,d: %,.0f/s",
                    written,
                    (written - (before / 100_000) * 100_000L)
                        / ((System.nanoTime() - step0) / 1e9));
            step0 = System.nanoTime();
            r.fillSteps.add(s);
            System.out.printf(
                Locale.ROOT, "%s load %s (file %s)%n", name, s, mb(server.fileSize()));
          }
        }
        r.loadRate = rate(written, t0);
        long depth = written;
        for (int phase = 0; phase < 2; phase++) {
          int batchSize = phase == 0 ? c.smallBatch : c.batch;
          int target =
              written + (phase == 0 ? Math.min(c.measureSmall, measured) : count - written);
          long p0 = System.nanoTime();
          int from = written;
          while (written < target) {
            int size = Math.min(batchSize, target - written);
            List<Document> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
              Document d = events.ingestDocument(written + i);
              r.rawBytes += new RawBsonDocument(d, CODEC).getByteBuffer().remaining();
              batch.add(d);
            }
            layout.write(batch);
            written += size;
          }
          double rate = written > from ? rate(written - from, p0) : 0;
          if (phase == 0) {
            r.fillSmall = rate;
          } else {
            r.fillLarge = rate;
          }
          System.out.printf(
              Locale.ROOT,
              "%s fill at depth %,d in batches of %d: %,d events at %,.0f/s (file %s)%n",
              name,
              depth,
              batchSize,
              written - from,
              rate,
              mb(server.fileSize()));
        }
        System.out.printf(
            Locale.ROOT,
            "%s filled %,d events in %.1f s; raw event bytes %s%n",
            name,
            written,
            (System.nanoTime() - t0) / 1e9,
            mb(r.rawBytes));
        r.fileAfterFill = server.fileSize();
        String device = events.device(count - 1);
        if (!layout.sampleAfterDrain()) {
          sample(layout, device, r);
        }
        // drain
        long d0 = System.nanoTime();
        long deadline = d0 + c.drainSeconds * 1_000_000_000L;
        step0 = d0;
        long drained = 0;
        while (System.nanoTime() < deadline) {
          int n = layout.drainPage(c.page);
          if (n == 0) {
            break;
          }
          long before = drained;
          drained += n;
          if (drained / 100_000 != before / 100_000) {
            String s =
                String.format(
                    Locale.ROOT,
                    "%,d: %,.0f/s",
                    drained,
                    (drained - (before / 100_000) * 100_000L)
                        / ((System.nanoTime() - step0) / 1e9));
            step0 = System.nanoTime();
            r.drainSteps.add(s);
            System.out.printf(
                Locale.ROOT, "%s drain %s (file %s)%n", name, s, mb(server.fileSize()));
          }
        }
        r.drained = drained;
        r.drainRate = rate(drained, d0);
        System.out.printf(
            Locale.ROOT,
            "%s drained %,d of %,d in %.1f s: %,.0f events/s%n",
            name,
            drained,
            count,
            (System.nanoTime() - d0) / 1e9,
            r.drainRate);
        if (layout.sampleAfterDrain()) {
          sample(layout, device, r);
        }
        long p0 = System.nanoTime();
        layout.afterDrain();
        r.purgeSeconds = (System.nanoTime() - p0) / 1e9;
        r.fileAfterDrain = server.fileSize();
        System.out.printf(
            Locale.ROOT,
            "%s after drain: file %s (purge %.1f s), %,d documents left%n",
            name,
            mb(r.fileAfterDrain),
            r.purgeSeconds,
            layout.documents());
        // MVStore's background thread compacts on its own when the chunks' fill rate drops.
        Thread.sleep(30_000);
        r.fileAfterIdle = server.fileSize();
      }
    } catch (RuntimeException e) {
      r.survived = false;
      r.failure = failure(e, server);
      System.out.printf(Locale.ROOT, "%s FAILED: %s%n", name, r.failure);
    } finally {
      watchdog.interrupt();
      server.close();
      r.peakHeapMb = server.peakHeapMb();
      r.peakRssMb = server.peakRssKb / 1024;
      if (!server.oom().isEmpty()) {
        r.survived = false;
        r.failure = r.failure.isEmpty() ? server.oom() : r.failure + " / " + server.oom();
      }
    }
    r.fileAfterClose = server.fileSize();
    if (r.survived || r.fileAfterFill > 0) {
      compact(c, server.file, r);
    }
    return r;
  }

  private static void sample(Layout layout, String device, Result r) {
    long s0 = System.nanoTime();
    int one = layout.newest(device, SAMPLE);
    r.newestDeviceMs = (System.nanoTime() - s0) / 1e6;
    s0 = System.nanoTime();
    int all = layout.newest(null, SAMPLE);
    r.newestAllMs = (System.nanoTime() - s0) / 1e6;
    r.sampleNote = one + "/" + all;
    System.out.printf(
        Locale.ROOT,
        "%s newest %d of %s: %.0f ms (%d found); of all devices: %.0f ms (%d found)%n",
        r.layout,
        SAMPLE,
        device,
        r.newestDeviceMs,
        one,
        r.newestAllMs,
        all);
  }

  private static String failure(RuntimeException e, Server server) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return (server.alive() ? "server alive; " : "server died; ") + message;
  }

  /** Offline compaction of the closed store with H2's own tool, then a check that it opens. */
  private static void compact(Config c, Path file, Result r) throws Exception {
    if (!Files.exists(file)) {
      return;
    }
    Path h2 =
        Files.list(c.lib)
            .filter(p -> p.getFileName().toString().startsWith("h2-"))
            .findFirst()
            .orElseThrow();
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                java(),
                "-Xmx" + c.heap,
                "-cp",
                h2.toString(),
                "org.h2.mvstore.MVStoreTool",
                "-compact",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(file.resolveSibling("compact.log").toFile())
            .start();
    if (!p.waitFor(c.compactSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      r.compactNote = "MVStoreTool -compact did not finish in " + c.compactSeconds + " s";
    } else if (p.exitValue() != 0) {
      r.compactNote =
          "MVStoreTool -compact failed: "
              + Files.readString(file.resolveSibling("compact.log")).lines().findFirst().orElse("");
    } else {
      r.fileAfterCompact = Files.size(file);
      r.compactNote =
          String.format(Locale.ROOT, "compacted in %.1f s", (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf(
        Locale.ROOT, "%s %s: file %s%n", r.layout, r.compactNote, mb(r.fileAfterCompact));
  }

  // ---------------------------------------------------------------------------------------------
  // The layouts

  interface Layout {
    void setUp();

    /** Stores one write batch of events, given in ingest's document layout. */
    void write(List<Document> events);

    /**
     * The loader: stores the events in the same layout, write batches of batchSize, in as few
     * commands as the layout allows, without the duplicate check.
     */
    void load(List<Document> events, int batchSize);

    /** Forwards (reads, then marks or deletes) the next page, oldest first; 0 when drained. */
    int drainPage(int max);

    /** What the relay does once forwarded events may go. */
    default void afterDrain() {}

    /** The newest n events of one device (null: of all devices); returns how many it found. */
    int newest(String device, int n);

    long documents();

    /** A samples after the drain, before the purge: the drain would not survive the sample. */
    default boolean sampleAfterDrain() {
      return false;
    }
  }

  private static Layout layout(String name, MongoDatabase db) {
    return switch (name) {
      case "A" -> new EventPerDocument(db);
      case "B" -> new BatchLog(db, true);
      case "B0" -> new BatchLog(db, false);
      case "C" -> new SequencedEvents(db);
      default -> throw new IllegalArgumentException("layout: A, B, B0 or C, not " + name);
    };
  }

  /** A: today's layout and access pattern (ingest's EventDocuments, relay's MongoPendingEvents). */
  static final class EventPerDocument implements Layout {
    private final MongoCollection<Document> events;
    private MongoCursor<Document> cursor;

    EventPerDocument(MongoDatabase db) {
      this.events = db.getCollection("events");
    }

    @Override
    public void setUp() {
      // As ingest's EdgeBufferIndexes; mongo-java-server accepts and ignores non-unique ones.
      events.createIndexes(
          List.of(
              new IndexModel(
                  Indexes.compoundIndex(
                      Indexes.ascending("deviceName"), Indexes.descending("origin")),
                  new IndexOptions().name("deviceName_origin")),
              new IndexModel(Indexes.descending("origin"), new IndexOptions().name("origin")),
              new IndexModel(
                  Indexes.ascending("state", "origin"), new IndexOptions().name("state_origin"))));
    }

    @Override
    public void write(List<Document> batch) {
      events.insertMany(batch, UNORDERED);
    }

    @Override
    public void load(List<Document> batch, int batchSize) {
      events.insertMany(batch, UNORDERED);
    }

    @Override
    public boolean sampleAfterDrain() {
      return true;
    }

    @Override
    public int drainPage(int max) {
      if (cursor == null) {
        cursor =
            events
                .find(eq("state", "PENDING"))
                .sort(Sorts.ascending("origin"))
                .batchSize(Math.max(100, max))
                .iterator();
      }
      List<WriteModel<Document>> updates = new ArrayList<>(max);
      Bson forwarded =
          Updates.combine(
              Updates.set("state", "FORWARDED"),
              Updates.set("forwardedAt", System.currentTimeMillis()));
      while (updates.size() < max && cursor.hasNext()) {
        Document d = cursor.next();
        forward(d);
        updates.add(new UpdateOneModel<>(eq("_id", d.get("_id")), forwarded));
      }
      if (!updates.isEmpty()) {
        events.bulkWrite(updates, new BulkWriteOptions().ordered(false));
      }
      return updates.size();
    }

    @Override
    public void afterDrain() {
      if (cursor != null) {
        cursor.close();
      }
      events.deleteMany(
          and(eq("state", "FORWARDED"), lt("forwardedAt", System.currentTimeMillis() + 1)));
    }

    @Override
    public int newest(String device, int n) {
      Bson filter = device == null ? new Document() : eq("deviceName", device);
      int found = 0;
      for (Document ignored : events.find(filter).sort(Sorts.descending("origin")).limit(n)) {
        found++;
      }
      return found;
    }

    @Override
    public long documents() {
      return events.estimatedDocumentCount();
    }
  }

  /** What the relay does with an event it forwards: reads every field (the Kafka record's). */
  private static long forward(Document event) {
    long sum = event.get("origin", Number.class).longValue();
    sum += event.getString("deviceName").length();
    for (Document r : event.getList("readings", Document.class)) {
      sum += r.getString("value").length() + r.getString("resourceName").length();
    }
    return sum;
  }

  /** Shared by B and C: the event ids seen (for duplicate detection) and the relay's cursor. */
  abstract static class Sequenced implements Layout {
    final MongoCollection<Document> eventIds;
    final MongoCollection<Document> relay;
    long nextSeq = 1;
    long cursor; // the last forwarded sequence number, persisted in relay

    Sequenced(MongoDatabase db) {
      this.eventIds = db.getCollection("eventids");
      this.relay = db.getCollection("relay");
    }

    @Override
    public void setUp() {
      relay.insertOne(new Document("_id", "cursor").append("seq", 0L));
    }

    /** The events of batch not stored before (ingest answers the others as duplicates). */
    List<Document> fresh(List<Document> batch) {
      List<Object> ids = new ArrayList<>(batch.size());
      for (Document d : batch) {
        ids.add(d.get("_id"));
      }
      Set<Object> seen = new HashSet<>();
      for (Document d : eventIds.find(in("_id", ids)).projection(Projections.include("_id"))) {
        seen.add(d.get("_id"));
      }
      if (seen.isEmpty()) {
        return batch;
      }
      return batch.stream().filter(d -> !seen.contains(d.get("_id"))).toList();
    }

    void remember(List<Document> batch, long seq, boolean perEvent) {
      List<Document> ids = new ArrayList<>(batch.size());
      long s = seq;
      for (Document d : batch) {
        ids.add(new Document("_id", d.get("_id")).append("seq", perEvent ? s++ : seq));
      }
      eventIds.insertMany(ids, UNORDERED);
    }

    void advance(long to) {
      relay.updateOne(
          eq("_id", "cursor"), Updates.set("seq", to), new UpdateOptions().upsert(true));
      cursor = to;
    }

    static List<Long> range(long from, long to) {
      List<Long> seqs = new ArrayList<>();
      for (long s = from; s <= to; s++) {
        seqs.add(s);
      }
      return seqs;
    }

    @Override
    public long documents() {
      return eventIds.estimatedDocumentCount();
    }
  }

  /** B: one document per write batch, the events embedded. */
  static final class BatchLog extends Sequenced {
    private final MongoCollection<Document> batches;
    private final boolean dedup;
    private int lastBatchSize = 64;

    BatchLog(MongoDatabase db, boolean dedup) {
      super(db);
      this.batches = db.getCollection("batches");
      this.dedup = dedup;
    }

    @Override
    public void write(List<Document> batch) {
      List<Document> fresh = dedup ? fresh(batch) : batch;
      if (fresh.isEmpty()) {
        return;
      }
      long seq = nextSeq++;
      batches.insertOne(batchDocument(seq, fresh));
      if (dedup) {
        remember(fresh, seq, false);
      }
    }

    @Override
    public void load(List<Document> events, int batchSize) {
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < events.size(); i += batchSize) {
        List<Document> batch = events.subList(i, Math.min(events.size(), i + batchSize));
        long seq = nextSeq++;
        docs.add(batchDocument(seq, batch));
        if (dedup) {
          // one insertMany of all the chunk's ids below; remember the seq per event here
          for (Document d : batch) {
            d.put("seq", seq);
          }
        }
      }
      batches.insertMany(docs, UNORDERED);
      if (dedup) {
        List<Document> ids = new ArrayList<>(events.size());
        for (Document d : events) {
          ids.add(new Document("_id", d.get("_id")).append("seq", d.get("seq")));
        }
        eventIds.insertMany(ids, UNORDERED);
      }
    }

    private static Document batchDocument(long seq, List<Document> events) {
      List<Document> embedded = new ArrayList<>(events.size());
      for (Document d : events) {
        embedded.add(embedded(d));
      }
      return new Document("_id", seq)
          .append("receivedAt", System.currentTimeMillis())
          .append("events", embedded);
    }

    @Override
    public int drainPage(int max) {
      long head = nextSeq - 1;
      List<Document> page = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      int events = 0;
      while (events < max && cursor + seqs.size() < head) {
        long from = cursor + seqs.size() + 1;
        int k = Math.max(1, (max - events + lastBatchSize - 1) / lastBatchSize);
        List<Long> next = range(from, Math.min(head, from + k - 1));
        Map<Long, Document> byId = new HashMap<>();
        for (Document d : batches.find(in("_id", next))) {
          byId.put(d.getLong("_id"), d);
        }
        for (Long s : next) {
          seqs.add(s);
          Document d = byId.get(s);
          if (d != null) { // a hole: a batch whose write failed after its sequence was taken
            page.add(d);
            int size = d.getList("events", Document.class).size();
            events += size;
            lastBatchSize = size;
          }
        }
      }
      if (seqs.isEmpty()) {
        return 0;
      }
      List<Object> ids = new ArrayList<>(events);
      for (Document b : page) {
        for (Document e : b.getList("events", Document.class)) {
          forward(e);
          ids.add(e.get("id"));
        }
      }
      advance(seqs.get(seqs.size() - 1));
      batches.deleteMany(in("_id", seqs));
      if (dedup) {
        this.eventIds.deleteMany(in("_id", ids));
      }
      return events;
    }

    @Override
    public int newest(String device, int n) {
      // Backwards from the head, a few batches at a time: memory bounded by the page, not the log.
      int found = 0;
      long to = nextSeq - 1;
      int k = device == null ? 1 : 16;
      while (found < n && to > cursor) {
        long from = Math.max(cursor + 1, to - k + 1);
        List<Document> docs = new ArrayList<>();
        batches.find(in("_id", range(from, to))).into(docs);
        docs.sort(Comparator.comparing((Document d) -> d.getLong("_id")).reversed());
        for (Document b : docs) {
          List<Document> es = b.getList("events", Document.class);
          for (int i = es.size() - 1; i >= 0 && found < n; i--) {
            if (device == null || device.equals(es.get(i).getString("deviceName"))) {
              found++;
            }
          }
        }
        to = from - 1;
      }
      return found;
    }

    @Override
    public long documents() {
      return batches.estimatedDocumentCount() + (dedup ? super.documents() : 0);
    }
  }

  /** C: one document per event, _id = a sequence number. */
  static final class SequencedEvents extends Sequenced {
    private final MongoCollection<Document> events;

    SequencedEvents(MongoDatabase db) {
      super(db);
      this.events = db.getCollection("log");
    }

    @Override
    public void write(List<Document> batch) {
      List<Document> fresh = fresh(batch);
      if (fresh.isEmpty()) {
        return;
      }
      long first = nextSeq;
      List<Document> docs = new ArrayList<>(fresh.size());
      for (Document d : fresh) {
        docs.add(embedded(d).append("_id", nextSeq++));
      }
      events.insertMany(docs, UNORDERED);
      remember(fresh, first, true);
    }

    @Override
    public void load(List<Document> batch, int batchSize) {
      long first = nextSeq;
      List<Document> docs = new ArrayList<>(batch.size());
      for (Document d : batch) {
        docs.add(embedded(d).append("_id", nextSeq++));
      }
      events.insertMany(docs, UNORDERED);
      remember(batch, first, true);
    }

    @Override
    public int drainPage(int max) {
      long head = nextSeq - 1;
      if (cursor >= head) {
        return 0;
      }
      List<Long> seqs = range(cursor + 1, Math.min(head, cursor + max));
      List<Document> docs = new ArrayList<>(seqs.size());
      events.find(in("_id", seqs)).into(docs);
      docs.sort(Comparator.comparing((Document d) -> d.getLong("_id")));
      List<Object> ids = new ArrayList<>(docs.size());
      for (Document d : docs) {
        forward(d);
        ids.add(d.get("id"));
      }
      advance(seqs.get(seqs.size() - 1));
      events.deleteMany(in("_id", seqs));
      eventIds.deleteMany(in("_id", ids));
      return docs.size();
    }

    @Override
    public int newest(String device, int n) {
      int found = 0;
      long to = nextSeq - 1;
      int k = device == null ? n : 1000;
      while (found < n && to > cursor) {
        long from = Math.max(cursor + 1, to - k + 1);
        List<Document> docs = new ArrayList<>();
        events.find(in("_id", range(from, to))).into(docs);
        docs.sort(Comparator.comparing((Document d) -> d.getLong("_id")).reversed());
        for (Document d : docs) {
          if (found < n && (device == null || device.equals(d.getString("deviceName")))) {
            found++;
          }
        }
        to = from - 1;
      }
      return found;
    }

    @Override
    public long documents() {
      return events.estimatedDocumentCount() + super.documents();
    }
  }

  /** An event inside a log document: ingest's fields, the id as "id", no state to update. */
  private static Document embedded(Document ingest) {
    Document e = new Document("id", ingest.get("_id"));
    for (Map.Entry<String, Object> f : ingest.entrySet()) {
      switch (f.getKey()) {
        case "_id", "state", "forwardedAt" -> {}
        default -> e.append(f.getKey(), f.getValue());
      }
    }
    return e;
  }

  // ---------------------------------------------------------------------------------------------
  // The events

  /** Events as agents post them: each device every 10 s, one temperature and one humidity. */
  static final class Events {
    private final int devices;
    private final long step;
    private final long origin;

    Events(int devices) {
      this.devices = devices;
      this.step = 10_000_000_000L / devices;
      this.origin = System.currentTimeMillis() * 1_000_000L - 10_000_000L * step;
    }

    String device(long i) {
      return String.format(Locale.ROOT, "room-sensor-%04d", i % devices);
    }

    /** Event i in ingest's stored layout (EventDocuments.toDocument), PENDING. */
    Document ingestDocument(long i) {
      String device = device(i);
      long at = origin + i * step;
      return new Document("_id", UUID.randomUUID().toString())
          .append("deviceName", device)
          .append("profileName", "room-sensor")
          .append("sourceName", "climate")
          .append("origin", at)
          .append(
              "readings",
              List.of(
                  reading(at, "temperature", 20 + (i % 100) / 10.0, "°C"),
                  reading(at, "humidity", 40 + (i % 200) / 10.0, "%RH")))
          .append("state", "PENDING")
          .append("receivedAt", System.currentTimeMillis())
          .append("forwardedAt", null)
          .append("site", null)
          .append("room", null);
    }

    private static Document reading(long at, String resource, double value, String units) {
      return new Document("id", UUID.randomUUID().toString())
          .append("origin", at)
          .append("resourceName", resource)
          .append("valueType", "Float64")
          .append("value", String.format(Locale.ROOT, "%e", value))
          .append("units", units);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The server

  /** stack/MongoServer.java on a free port and a fresh H2 file, as ./setpoint starts it. */
  static final class Server implements AutoCloseable {
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    final Path file;
    final Path log;
    final Path gcLog;
    final int port;
    final Process process;
    volatile long peakRssKb;
    private final Thread sampler;

    private Server(Path file, Path log, Path gcLog, int port, Process process) {
      this.file = file;
      this.log = log;
      this.gcLog = gcLog;
      this.port = port;
      this.process = process;
      this.sampler = Thread.ofPlatform().daemon().start(this::sample);
    }

    static Server start(Config c, Path dir, String name) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path file = dir.resolve(name + ".mv.db");
      Path log = dir.resolve(name + ".log");
      Path gcLog = dir.resolve(name + "-gc.log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  java(),
                  "-Xmx" + c.heap,
                  "-XX:+UseG1GC",
                  "-XX:MaxGCPauseMillis=20",
                  "-XX:+ExitOnOutOfMemoryError",
                  "-Djava.awt.headless=true",
                  "-Xlog:gc:file=" + gcLog,
                  "-cp",
                  c.lib + "/*",
                  c.launcher.toString(),
                  "127.0.0.1",
                  Integer.toString(port),
                  file.toString()));
      if (Runtime.version().feature() >= 24) {
        command.add(1, "--enable-native-access=ALL-UNNAMED");
        command.add(2, "--sun-misc-unsafe-memory-access=allow");
      }
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Server server = new Server(file, log, gcLog, port, p);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(log) || !Files.readString(log).contains("listening")) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          server.close();
          throw new IllegalStateException("the server did not start: " + Files.readString(log));
        }
        Thread.sleep(100);
      }
      return server;
    }

    MongoClient client() {
      return MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000");
    }

    long fileSize() {
      try {
        return Files.exists(file) ? Files.size(file) : 0;
      } catch (IOException e) {
        return -1;
      }
    }

    boolean alive() {
      return process.isAlive();
    }

    private void sample() {
      Path status = Path.of("/proc/" + process.pid() + "/status");
      while (process.isAlive()) {
        try {
          for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
              long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
              peakRssKb = Math.max(peakRssKb, kb);
            }
          }
          Thread.sleep(500);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
          return; // the process ended, or no /proc
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** The largest heap in use after a collection, from the server's GC log. */
    long peakHeapMb() {
      long peak = 0;
      try {
        if (Files.exists(gcLog)) {
          for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
              peak = Math.max(peak, Long.parseLong(m.group(2)));
            }
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return peak;
    }

    /** The server log's word on running out of memory, if any. */
    String oom() {
      try {
        return Files.exists(log)
            ? Files.readString(log)
                .lines()
                .filter(l -> l.contains("OutOfMemoryError") || l.contains("not found"))
                .findFirst()
                .orElse("")
            : "";
      } catch (IOException e) {
        return "";
      }
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy(); // SIGTERM: the launcher's hook closes the MVStore
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
      sampler.join(2000);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static String tables(List<Result> results) {
    StringBuilder t = new StringBuilder();
    t.append(
        "| layout | events | raw single docs/s | raw 100s docs/s | raw 1000s docs/s | loader ev/s"
            + " | fill ×64 ev/s | fill ×500 ev/s | drain ev/s (drained) | newest 20 of one device / all, ms"
            + " | survived (heap after GC, RSS) |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %s | %,.0f (%,d) | %s / %s | %s (%d MB, %d MB) |%n",
              r.layout,
              r.events,
              r.raw.single,
              r.raw.batch100,
              r.raw.batch1000,
              r.loadRate,
              r.fillSmall,
              r.fillLarge > 0 ? String.format(Locale.ROOT, "%,.0f", r.fillLarge) : "–",
              r.drainRate,
              r.drained,
              ms(r.newestDeviceMs),
              ms(r.newestAllMs),
              r.survived ? "yes" : "no: " + r.failure.replace('|', '/'),
              r.peakHeapMb,
              r.peakRssMb));
    }
    t.append(
        "\n| layout | events | raw event bytes | file after fill | after drain | after idle 30 s"
            + " | after close | after MVStoreTool -compact |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %s | %s (%.1f×) | %s | %s | %s | %s |%n",
              r.layout,
              r.events,
              mb(r.rawBytes),
              mb(r.fileAfterFill),
              r.rawBytes > 0 ? (double) r.fileAfterFill / r.rawBytes : 0,
              mb(r.fileAfterDrain),
              mb(r.fileAfterIdle),
              mb(r.fileAfterClose),
              r.fileAfterCompact >= 0 ? mb(r.fileAfterCompact) : r.compactNote));
    }
    t.append("\nProgress per 100,000 events (fill, then drain):\n\n");
    for (Result r : results) {
      t.append(
          String.format(
              Locale.ROOT,
              "- %s %,d: load %s; drain %s; raw store find by _id %,.0f/s, _id $in of 500 %,.0f"
                  + " docs/s%n",
              r.layout,
              r.events,
              String.join(", ", r.fillSteps),
              r.drainSteps.isEmpty() ? "–" : String.join(", ", r.drainSteps),
              r.raw.findById,
              r.raw.findIn500));
    }
    return t.toString();
  }

  private static String ms(double ms) {
    return ms < 0 ? "–" : String.format(Locale.ROOT, "%,.0f", ms);
  }

  private static String mb(long bytes) {
    return bytes < 0
        ? "–"
        : String.format(Locale.ROOT, bytes < 10e6 ? "%,.1f MB" : "%,.0f MB", bytes / 1e6);
  }

  private static double rate(long n, long t0) {
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static Path mongoLib(String option) {
    List<Path> candidates = new ArrayList<>();
    if (option != null) {
      candidates.add(Path.of(option));
    }
    String home = System.getenv("SETPOINT_HOME");
    if (home != null) {
      candidates.add(Path.of(home, "lib", "mongo"));
    }
    candidates.add(Path.of(".setpoint", "lib", "mongo"));
    for (Path p : candidates) {
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalArgumentException(
        "no mongo-java-server jars at "
            + candidates
            + "; ./setpoint start mongo fetches them,"
            + " or pass --mongo-lib");
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        o.put(args[i].substring(2), args[++i]);
      }
    }
    return o;
  }
}
