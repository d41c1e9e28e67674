package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the repository is, and the few facts of its POMs that the manifests must agree with. */
final class Repository {

  private Repository() {}

  static Path root() {
    String configured = System.getProperty("setpoint.root");
    Path root =
        configured == null || configured.isBlank()
            ? Path.of("").toAbsolutePath().getParent()
            : Path.of(configured).toAbsolutePath();
    assertTrue(
        Files.isRegularFile(root.resolve("k8s/pom.xml")),
        "not the Setpoint repository root: " + root);
    return root;
  }

  static Path k8s() {
    return root().resolve("k8s");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The project version of the root POM: the tag of Setpoint's own images. */
  static String projectVersion() {
    return firstGroup(
        read(root().resolve("pom.xml")),
        "<artifactId>setpoint-parent</artifactId>\\s*<version>([^<]+)</version>");
  }

  /** The Open Liberty release the build runs on: the base images must be the same one. */
  static String libertyVersion() {
    return firstGroup(
        read(root().resolve("pom.xml")),
        "<liberty.runtime.version>([^<]+)</liberty.runtime.version>");
  }

  static String firstGroup(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no match for " + regex);
    return m.group(1).trim();
  }
}
