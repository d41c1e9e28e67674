package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Stops and starts one service of the stack through {@code ./setpoint}, as an operator would. */
final class Stack {
  private Stack() {}

  static void stop(String service) throws IOException, InterruptedException {
    run("stop", service);
  }

  static void start(String service) throws IOException, InterruptedException {
    run("start", service);
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
