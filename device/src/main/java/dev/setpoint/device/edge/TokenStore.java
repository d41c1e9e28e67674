package dev.setpoint.device.edge;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The devices' bearer tokens, one per device name, in a properties file that only the agent's user
 * can read or write (mode 600): ingest shows a token once, when it issues it. Writes go to a new
 * file that replaces the old one atomically, so a crash never leaves half a file.
 */
public final class TokenStore {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Properties tokens = new Properties();

  public TokenStore(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      if (Files.getFileStore(file).supportsFileAttributeView("posix")
          && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        tokens.load(in);
      }
    }
  }

  public synchronized Optional<String> get(String device) {
    return Optional.ofNullable(tokens.getProperty(device));
  }

  /** Stores a device's token, durably. */
  public void put(String device, String token) throws IOException {
    putAll(java.util.Map.of(device, token));
  }

  /** Stores several devices' tokens with one write. */
  public synchronized void putAll(java.util.Map<String, String> deviceTokens) throws IOException {
    tokens.putAll(deviceTokens);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process writes " + tmp, e);
    }
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      tokens.store(out, "Setpoint device tokens (bearer credentials: keep this file private)");
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public Path file() {
    return file;
  }
}
