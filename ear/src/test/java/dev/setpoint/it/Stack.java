package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts one service of the stack through {@code ./setpoint}, as an operator would, and
 * kills one as a power cut would.
 */
final class Stack {
  private Stack() {}

  static void stop(String service) throws IOException, InterruptedException {
    run("stop", service);
  }

  static void start(String service) throws IOException, InterruptedException {
    run("start", service);
  }

  /**
   * kill -9 of the stack's MongoDB-wire server, as a power cut would leave it: its launcher's JVM
   * (stack/MongoServer.java), found by the port of {@code mongoUri}.
   */
  static void kill9Mongo(String mongoUri) throws Exception {
    int port = URI.create(mongoUri).getPort();
    ProcessHandle server =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(c -> c.contains("MongoServer.java") && c.contains(" " + port + " "))
                        .orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no MongoDB-wire server on port " + port));
    assertTrue(server.destroyForcibly(), "SIGKILL to " + server.pid());
    server.onExit().get(60, TimeUnit.SECONDS);
  }

  private static void run(String command, String service) throws IOException, InterruptedException {
    String cli = System.getenv("SETPOINT_CLI");
    assertNotNull(cli, "SETPOINT_CLI is not set: run the end-to-end tests through ./setpoint test");
    Process process = new ProcessBuilder(cli, command, service).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertEquals(0, process.exitValue(), "./setpoint " + command + " " + service + ":\n" + output);
  }
}
