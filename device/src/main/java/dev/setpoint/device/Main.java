package dev.setpoint.device;

import dev.setpoint.device.config.ConfigException;
import dev.setpoint.device.config.Settings;
import dev.setpoint.device.edge.RegistrationException;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

/** {@code setpoint-device}: one real device, or with {@code --simulate N} a simulated fleet. */
public final class Main {
  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    }
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> env) {
    Settings settings;
    try {
      settings = Settings.resolve(args, env);
    } catch (ConfigException e) {
      System.err.println("setpoint-device: " + e.getMessage());
      return 2;
    }
    if (settings.help()) {
      System.out.println(Settings.usage());
      return 0;
    }
    try (Agents agents = Agents.start(settings)) {
      Runtime.getRuntime()
          .addShutdownHook(
              Thread.ofPlatform()
                  .unstarted(
                      () -> {
                        LOG.info("stopping");
                        agents.close();
                      }));
      agents.awaitStop();
      return 0;
    } catch (ConfigException e) {
      System.err.println("setpoint-device: " + e.getMessage());
      return 2;
    } catch (RegistrationException e) {
      System.err.println("setpoint-device: " + e.getMessage());
      return 3;
    } catch (IOException e) {
      // A plain IOException carries a sentence; a subclass (NoSuchFileException: a path) needs its
      // name.
      System.err.println(
          "setpoint-device: " + (e.getClass() == IOException.class ? e.getMessage() : e));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }
}
