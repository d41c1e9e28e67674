package dev.setpoint.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/** {@code state.dir}, readable by the agent only: the devices' tokens and their event journals. */
record StateDirectory(Path dir) {
  private static final Logger LOG = Logger.getLogger(Agents.class.getName());

  /** Creates the directory and its {@code journal/} if need be and makes it the owner's alone. */
  static StateDirectory open(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("journal"));
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.fine("no POSIX permissions on " + dir);
    }
    return new StateDirectory(dir);
  }

  Path tokens() {
    return dir.resolve("tokens.properties");
  }

  Path journal(String device) {
    return dir.resolve("journal").resolve(device + ".journal");
  }
}
