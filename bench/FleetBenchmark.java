/*
 * Device fleet benchmark: the device agent's --simulate mode against a running stack (ingest,
 * relay, Kafka, analytics: `SETPOINT_FLEET_SIZE=0 ./setpoint start`), behind docs/benchmarks.md.
 * A Java single-file program (JDK 21+):
 *
 *   java bench/FleetBenchmark.java --operator-token-file F [--option value ...]
 *
 * For each fleet size (--devices 10,1000) it starts the agent jar as its own process with a fresh
 * state directory and a fresh device-name prefix (so every run enrols its devices, with a batch
 * enrolment code the benchmark makes for it through ingest's API), waits until
 * all agents run, lets --warmup s pass, and then measures for --duration s:
 *   - events delivered/s: the agent's own delivery counter (a 201 or a 409 from ingest), from its
 *     "fleet:" stats lines, and what it has buffered at the end (the durable journal);
 *   - setpoint reads that failed (the agent's "cannot read its setpoint" warnings);
 *   - the relay's forwarded/s and its backlog at the end (/metrics), so the events went further
 *     than ingest;
 *   - the agent's RSS (/proc/<pid>/status, sampled every second: the last and the largest), its
 *     heap in use (stats lines) and its CPU (utime + stime from /proc/<pid>/stat).
 * Memory per device is the difference of RSS between the largest and the smallest fleet divided by
 * the difference of their sizes.
 *
 * Options:
 *   --jar device/target/setpoint-device.jar   the agent (./mvnw -pl device -am package)
 *   --url http://127.0.0.1:9080                ingest's base URL (the app's HTTP port)
 *   --metrics-url https://127.0.0.1:9443/metrics  where the relay's metrics are (HTTPS: the JVM
 *                                              must trust the hub's certificate)
 *   --metrics-password-file F                  the scraper's password (user metrics), e.g.
 *                                              ./setpoint's secrets/metrics.password
 *   --operator-token-file F                    an operator JWT, for the enrolment code of each
 *                                              run (java stack/OperatorSecrets.java mint-token
 *                                              ...); the agent gets the code only
 *   --devices 10,1000                          fleet sizes, one run each
 *   --interval 10s                             the agents' sample interval
 *   --warmup 40 --duration 120                 seconds
 *   --java-opts "-Xmx256m -XX:+UseSerialGC"    the agent JVM's flags
 *   --work /tmp/setpoint-fleet-bench           state directories and logs
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FleetBenchmark {
  private static final Pattern STATS =
      Pattern.compile(
          "fleet: (\\d+) devices, (\\d+) events delivered \\([0-9.]+/s\\), (\\d+) buffered,"
              + " heap used (\\d+) MB");
  private static final Pattern STARTED = Pattern.compile("started (\\d+) agent");
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  /** One stats line of the agent, with when this program read it. */
  record Stats(long nanos, long delivered, long buffered, long heapMb) {}

  record Result(
      int devices,
      double registrationSeconds,
      double deliveredPerSecond,
      long bufferedAtEnd,
      int failedReads,
      double forwardedPerSecond,
      long backlogAtEnd,
      long rssLastKb,
      long rssMaxKb,
      long heapMaxMb,
      double cpuPercent) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    String url = o.getOrDefault("url", "http://127.0.0.1:9080");
    String passwordFile = o.get("metrics-password-file");
    if (passwordFile == null) {
      throw new IllegalArgumentException("--metrics-password-file is required (see the header)");
    }
    Scrape metrics =
        new Scrape(
            o.getOrDefault("metrics-url", "https://127.0.0.1:9443/metrics"),
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        ("metrics:" + Files.readString(Path.of(passwordFile)).strip()).getBytes()));
    Path jar = Path.of(o.getOrDefault("jar", "device/target/setpoint-device.jar"));
    String tokenFile = o.get("operator-token-file");
    if (tokenFile == null) {
      throw new IllegalArgumentException("--operator-token-file is required (see the header)");
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " is missing: ./mvnw -pl device -am package");
    }
    int[] sizes =
        Arrays.stream(o.getOrDefault("devices", "10,1000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    String interval = o.getOrDefault("interval", "10s");
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "40"));
    int duration = Integer.parseInt(o.getOrDefault("duration", "120"));
    List<String> javaOpts =
        List.of(o.getOrDefault("java-opts", "-Xmx256m -XX:+UseSerialGC").trim().split("\\s+"));
    Path work = Path.of(o.getOrDefault("work", "/tmp/setpoint-fleet-bench"));
    Files.createDirectories(work);

    List<Result> results = new ArrayList<>();
    for (int n : sizes) {
      results.add(run(n, jar, url, metrics, tokenFile, interval, warmup, duration, javaOpts, work));
    }
    System.out.println();
    System.out.println(
        "| devices | registration | delivered/s | buffered at end | failed setpoint reads |"
            + " relay forwarded/s | relay backlog at end | agent RSS last (max) | heap used max |"
            + " agent CPU |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %,d | %.1f s | %.1f | %,d | %,d | %.1f | %,d | %.1f MB (%.1f MB) | %d MB | %.0f %% |%n",
          r.devices(),
          r.registrationSeconds(),
          r.deliveredPerSecond(),
          r.bufferedAtEnd(),
          r.failedReads(),
          r.forwardedPerSecond(),
          r.backlogAtEnd(),
          r.rssLastKb() / 1024.0,
          r.rssMaxKb() / 1024.0,
          r.heapMaxMb(),
          r.cpuPercent());
    }
    if (results.size() > 1) {
      Result small = results.stream().min((a, b) -> a.devices() - b.devices()).orElseThrow();
      Result large = results.stream().max((a, b) -> a.devices() - b.devices()).orElseThrow();
      if (large.devices() > small.devices()) {
        System.out.printf(
            Locale.ROOT,
            "%nRSS per added device (%d -> %d devices, last samples): %.1f KB%n",
            small.devices(),
            large.devices(),
            (double) (large.rssLastKb() - small.rssLastKb()) / (large.devices() - small.devices()));
      }
    }
  }

  private static Result run(
      int n,
      Path jar,
      String url,
      Scrape metrics,
      String tokenFile,
      String interval,
      int warmup,
      int duration,
      List<String> javaOpts,
      Path work)
      throws Exception {
    String prefix = "fb" + Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
    Path state = work.resolve(prefix + "-state");
    Path log = work.resolve(prefix + ".log");
    Path codeFile = enrolmentCode(url, tokenFile, n, state);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOpts);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--simulate",
            Integer.toString(n),
            "--fleet.prefix",
            prefix,
            "--interval",
            interval,
            "--stats.every",
            "5s",
            "--ingest.url",
            url,
            "--state.dir",
            state.toString(),
            "--enrolment.code-file",
            codeFile.toString()));
    System.out.printf("%d devices (%s-0001...): %s%n", n, prefix, String.join(" ", command));
    long t0 = System.nanoTime();
    Process agent = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      return measure(agent, n, t0, log, metrics, warmup, duration);
    } finally {
      agent.destroy(); // also when a measurement failed: never leave a fleet running
      agent.waitFor();
    }
  }

  /**
   * A batch enrolment code for the run's n controllers, made with the operator's token through
   * ingest's API and written mode 600 into the run's state directory (the agent deletes it).
   */
  private static Path enrolmentCode(String url, String tokenFile, int n, Path state)
      throws Exception {
    String body =
        "{\"count\":"
            + n
            + ",\"profiles\":[\"room-controller\"],\"service\":\"setpoint-device-agent\","
            + "\"expiresIn\":\"PT1H\",\"description\":\"FleetBenchmark\"}";
    HttpResponse<String> made =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/enrolment/codes"))
                    .header(
                        "Authorization", "Bearer " + Files.readString(Path.of(tokenFile)).strip())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(made.body());
    if (made.statusCode() != 201 || !code.find()) {
      throw new IllegalStateException(
          "making an enrolment code answered " + made.statusCode() + ": " + made.body());
    }
    Files.createDirectories(state);
    Path file = state.resolve("enrolment.code");
    Files.writeString(file, code.group(1) + "\n");
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static Result measure(
      Process agent, int n, long t0, Path log, Scrape metrics, int warmup, int duration)
      throws Exception {
    List<Stats> stats = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failedReads = new AtomicInteger();
    long[] startedAt = {0};
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (BufferedReader in =
                          new BufferedReader(
                              new InputStreamReader(
                                  agent.getInputStream(), StandardCharsets.UTF_8));
                      PrintWriter out =
                          new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                      out.println(line);
                      long now = System.nanoTime();
                      Matcher m = STATS.matcher(line);
                      if (m.find()) {
                        stats.add(
                            new Stats(
                                now,
                                Long.parseLong(m.group(2)),
                                Long.parseLong(m.group(3)),
                                Long.parseLong(m.group(4))));
                      } else if (STARTED.matcher(line).find()) {
                        synchronized (startedAt) {
                          startedAt[0] = now;
                          startedAt.notifyAll();
                        }
                      } else if (line.contains("cannot read its setpoint")) {
                        failedReads.incrementAndGet();
                      }
                    }
                  } catch (IOException e) {
                    if (agent.isAlive()) { // else: the stream closed as the agent was stopped
                      System.err.println("reading the agent's output: " + e);
                    }
                  }
                });
    synchronized (startedAt) {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (startedAt[0] == 0 && agent.isAlive() && System.nanoTime() < deadline) {
        startedAt.wait(1000);
      }
    }
    if (startedAt[0] == 0) {
      throw new IllegalStateException("the agents did not start; see " + log);
    }
    double registration = (startedAt[0] - t0) / 1e9;
    System.out.printf(Locale.ROOT, "  all %d agents running after %.1f s%n", n, registration);
    Thread.sleep(warmup * 1000L);

    long pid = agent.pid();
    long cpu0 = cpuTicks(pid);
    long windowStart = System.nanoTime();
    Map<String, Double> m0 = metrics(metrics);
    int failed0 = failedReads.get();
    long rssMax = 0;
    long rssLast = 0;
    long end = windowStart + duration * 1_000_000_000L;
    while (System.nanoTime() < end) {
      rssLast = rssKb(pid);
      rssMax = Math.max(rssMax, rssLast);
      Thread.sleep(1000);
    }
    long windowEnd = System.nanoTime();
    long cpu1 = cpuTicks(pid);
    Map<String, Double> m1 = metrics(metrics);
    int failed = failedReads.get() - failed0;
    Thread.sleep(6000); // one more stats line after the window
    agent.destroy();
    agent.waitFor();
    reader.join();

    List<Stats> inWindow;
    synchronized (stats) {
      inWindow =
          stats.stream().filter(s -> s.nanos() >= windowStart && s.nanos() <= windowEnd).toList();
    }
    if (inWindow.size() < 2) {
      throw new IllegalStateException("fewer than two stats lines in the window; see " + log);
    }
    Stats first = inWindow.getFirst();
    Stats last = inWindow.getLast();
    double delivered =
        (last.delivered() - first.delivered()) * 1e9 / (last.nanos() - first.nanos());
    long heapMax = inWindow.stream().mapToLong(Stats::heapMb).max().orElse(0);
    double seconds = (windowEnd - windowStart) / 1e9;
    double forwarded =
        (m1.getOrDefault("setpoint_relay_forwarded", 0.0)
                - m0.getOrDefault("setpoint_relay_forwarded", 0.0))
            / seconds;
    long backlog = m1.getOrDefault("setpoint_relay_backlog", -1.0).longValue();
    Result r =
        new Result(
            n,
            registration,
            delivered,
            last.buffered(),
            failed,
            forwarded,
            backlog,
            rssLast,
            rssMax,
            heapMax,
            100.0 * (cpu1 - cpu0) / TICKS_PER_SECOND / seconds);
    System.out.println("  " + r);
    return r;
  }

  /** The agent's user + system CPU time in clock ticks. */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // fields after the command name "(...)": state is field 3, utime 14, stime 15
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  /** Where /metrics is and the scraper's {@code Authorization} header value. */
  record Scrape(String url, String authorization) {}

  /** The setpoint_relay_* samples of a Prometheus text page (all tags summed). */
  private static Map<String, Double> metrics(Scrape scrape) throws Exception {
    Map<String, Double> values = new HashMap<>();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(scrape.url()))
                    .header("Authorization", scrape.authorization())
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(scrape.url() + " answered " + response.statusCode());
    }
    for (String line : response.body().split("\n")) {
      if (line.startsWith("setpoint_relay_")) {
        String name = line.replaceAll("[{ ].*", "");
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        values.merge(name, value, Double::sum);
      }
    }
    return values;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }
}
