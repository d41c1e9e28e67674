package dev.setpoint.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./setpoint run} supervises what it started: it runs mongo and influx in a stack of its own
 * (a temporary SETPOINT_HOME, ports clear of the test stack's), loses the pid file of one service
 * underneath (status still finds it), then sees that service killed: one line names it and its log,
 * and nothing the run started is left running.
 */
class RunSupervisionIT {
  private static final Duration READY = Duration.ofSeconds(45);

  @TempDir Path home;

  @Test
  void aDeadServiceIsNamedAndEverythingTheRunStartedStops() throws Exception {
    String cli = System.getenv("SETPOINT_CLI");
    assertNotNull(cli, "SETPOINT_CLI is not set: run the end-to-end tests through ./setpoint test");
    // The jars the test stack already has; nothing to download.
    Files.createSymbolicLink(home.resolve("lib"), Path.of(System.getenv("SETPOINT_HOME"), "lib"));
    Path out = home.resolve("run.out");
    Process run =
        command(cli, "run", "mongo", "influx")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      await("./setpoint run ready")
          .atMost(READY)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> Files.readString(out).contains("press Ctrl-C to stop") || !run.isAlive());
      assertTrue(run.isAlive(), () -> "./setpoint run ended early:\n" + read(out));
      // nginx writes its process title over its environment, so it is watched by pid alone.
      List<String> running = tagged();
      assertEquals(2, running.size(), () -> "mongo and influxd: " + running);
      long mongo = pid("mongo");
      long nginx = pid("nginx");
      // A pid file that names another process, as one rewritten underneath would.
      Files.writeString(home.resolve("run/mongo.pid"), ProcessHandle.current().pid() + "\n");
      String status = cli(cli, "status");
      assertTrue(
          Pattern.compile("(?m)^mongo +up +pid " + mongo + " ").matcher(status).find(), status);

      ProcessHandle.of(mongo).orElseThrow().destroyForcibly();
      assertTrue(run.waitFor(30, TimeUnit.SECONDS), () -> "run still runs:\n" + read(out));
      String output = read(out);
      assertEquals(1, run.exitValue(), output);
      assertTrue(
          output.contains(
              "setpoint: mongo (pid "
                  + mongo
                  + ") died; its log: "
                  + home.resolve("logs/mongo.log")
                  + "; stopping what this run started"),
          output);
      assertEquals(List.of(), tagged(), () -> "left running:\n" + output);
      assertFalse(ProcessHandle.of(nginx).map(ProcessHandle::isAlive).orElse(false), output);
      status = cli(cli, "status");
      assertTrue(Pattern.compile("(?m)^mongo +down").matcher(status).find(), status);
      assertTrue(Pattern.compile("(?m)^influx +down").matcher(status).find(), status);
    } finally {
      if (run.isAlive()) {
        run.destroy();
        run.waitFor(30, TimeUnit.SECONDS);
      }
      cli(cli, "stop");
    }
  }

  private long pid(String name) throws IOException {
    return Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).strip());
  }

  /** The ./setpoint command on this test's own stack: its home, data and ports. */
  private ProcessBuilder command(String... args) {
    ProcessBuilder builder = new ProcessBuilder(args);
    Map<String, String> env = builder.environment();
    env.put("SETPOINT_HOME", home.toString());
    env.put("SETPOINT_DATA", home.resolve("data").toString());
    env.put("SETPOINT_MONGO_PORT", "28017");
    env.put("SETPOINT_INFLUX_PORT", "28086");
    env.put("SETPOINT_INFLUXD_PORT", "28087");
    env.put("SETPOINT_INFLUXD_RPC_PORT", "28088");
    env.put("SETPOINT_KAFKA_PORT", "28092");
    env.put("SETPOINT_KAFKA_CONTROLLER_PORT", "28093");
    env.put("SETPOINT_HTTP_PORT", "28080");
    env.put("SETPOINT_HTTPS_PORT", "28443");
    return builder;
  }

  private String cli(String... args) throws IOException, InterruptedException {
    Process process = command(args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", args));
    return output;
  }

  /**
   * The live processes that carry this stack's service tag (SETPOINT_SERVICE=name@run dir, see
   * stack/process.sh), as name=pid.
   */
  private List<String> tagged() throws IOException {
    String suffix = "@" + home.resolve("run");
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String environ;
        try {
          environ = new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
        } catch (IOException gone) {
          continue;
        }
        for (String entry : environ.split("\0")) {
          if (entry.startsWith("SETPOINT_SERVICE=") && entry.endsWith(suffix) && !zombie(proc)) {
            found.add(
                entry.substring(17, entry.length() - suffix.length()) + "=" + proc.getFileName());
          }
        }
      }
    }
    return found;
  }

  private static boolean zombie(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return true;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
