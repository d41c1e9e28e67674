package dev.setpoint.ingest.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, as the build wrote it into {@code version.properties}. */
final class ServiceVersion {
  private static final String RESOURCE = "/dev/setpoint/ingest/version.properties";

  private ServiceVersion() {}

  static String read() {
    try (InputStream in = ServiceVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
