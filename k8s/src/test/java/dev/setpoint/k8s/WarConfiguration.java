package dev.setpoint.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Setpoint server reads, derived from the sources each time: the configuration keys of its
 * WARs (their microprofile-config.properties, every {@code @ConfigProperty} name, including those
 * on the fields of their typed configuration classes), the variables of the shared server.xml and
 * the MicroProfile keys of the features it enables; its HTTP and HTTPS ports; and the kinds of
 * MicroProfile Health check its WARs register.
 */
record WarConfiguration(Set<String> keys, Set<HealthKind> health, int httpPort, int httpsPort) {

  enum HealthKind {
    STARTUP("/health/started", "Startup"),
    LIVENESS("/health/live", "Liveness"),
    READINESS("/health/ready", "Readiness");

    final String path;
    final String annotation;

    HealthKind(String path, String annotation) {
      this.path = path;
      this.annotation = annotation;
    }
  }

  /** Keys read by the runtime itself for features of server.xml (the MP JWT 2.1 spec's keys). */
  private static final List<String> MP_JWT_KEYS =
      List.of(
          "mp.jwt.verify.publickey",
          "mp.jwt.verify.publickey.location",
          "mp.jwt.verify.publickey.algorithm",
          "mp.jwt.verify.issuer",
          "mp.jwt.verify.audiences",
          "mp.jwt.verify.clock.skew",
          "mp.jwt.verify.token.age",
          "mp.jwt.token.header",
          "mp.jwt.token.cookie",
          "mp.jwt.decrypt.key.location",
          "mp.jwt.decrypt.key.algorithm");

  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\s*\\(([^)]*)\\)");
  private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");

  private static final Pattern VARIABLE =
      Pattern.compile("<variable\\s+name=\"([^\"]+)\"(?:\\s+defaultValue=\"([^\"]*)\")?");
  private static final Pattern FEATURE = Pattern.compile("<feature>([^<]+)</feature>");

  /**
   * A variable server.xml uses ({@code ${keystore.location}}, {@code ${env.KEYSTORE_PASSWORD}}):
   * Liberty resolves one it does not declare from the environment, under the same names.
   */
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(?:env\\.)?([A-Za-z0-9_.-]+)}");

  /** The WAR modules a server runs, by the name of its image. */
  static List<String> modulesOfImage(String image) {
    String repository = image.replaceAll("[:@].*$", "");
    return switch (repository) {
      case "localhost/setpoint-ingest" -> List.of("ingest-war");
      case "localhost/setpoint-relay" -> List.of("relay-war");
      case "localhost/setpoint-analytics" -> List.of("analytics-war");
      case "localhost/setpoint" -> List.of("ingest-war", "relay-war", "analytics-war");
      default -> List.of();
    };
  }

  static WarConfiguration of(List<String> modules) {
    Path root = Repository.root();
    Set<String> keys = new TreeSet<>();
    Set<HealthKind> health = EnumSet.noneOf(HealthKind.class);
    for (String module : modules) {
      Path war = root.resolve(module);
      keys.addAll(
          propertiesKeys(
              war.resolve("src/main/resources/META-INF/microprofile-config.properties")));
      for (String source : javaSources(war.resolve("src/main/java"))) {
        Matcher annotation = CONFIG_PROPERTY.matcher(source);
        while (annotation.find()) {
          Matcher name = NAME.matcher(annotation.group(1));
          if (name.find()) {
            keys.add(name.group(1));
          }
        }
        if (source.contains("org.eclipse.microprofile.health")) {
          for (HealthKind kind : HealthKind.values()) {
            if (Pattern.compile("@" + kind.annotation + "\\b").matcher(source).find()) {
              health.add(kind);
            }
          }
        }
      }
    }
    String serverXml = Repository.read(root.resolve("liberty/src/main/liberty/config/server.xml"));
    int httpPort = 0;
    int httpsPort = 0;
    Matcher variable = VARIABLE.matcher(serverXml);
    while (variable.find()) {
      keys.add(variable.group(1));
      if (variable.group(1).equals("http.port")) {
        httpPort = Integer.parseInt(variable.group(2));
      }
      if (variable.group(1).equals("https.port")) {
        httpsPort = Integer.parseInt(variable.group(2));
      }
    }
    Matcher reference = REFERENCE.matcher(serverXml);
    while (reference.find()) {
      keys.add(reference.group(1));
    }
    Set<String> features = new TreeSet<>();
    Matcher feature = FEATURE.matcher(serverXml);
    while (feature.find()) {
      features.add(feature.group(1).trim());
    }
    if (features.stream().anyMatch(f -> f.startsWith("mpJwt-"))) {
      keys.addAll(MP_JWT_KEYS);
    }
    if (features.stream().noneMatch(f -> f.startsWith("mpHealth-"))) {
      health.clear(); // no feature, no /health endpoints
    }
    return new WarConfiguration(keys, health, httpPort, httpsPort);
  }

  /**
   * MicroProfile Config's environment lookup for a key: the key itself, then every character that
   * is not a letter or digit as '_', then that in upper case. Liberty resolves server.xml variables
   * from the environment the same way.
   */
  static boolean environmentNameOf(String variable, String key) {
    String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
    return variable.equals(key)
        || variable.equals(sanitized)
        || variable.equals(sanitized.toUpperCase(Locale.ROOT));
  }

  boolean reads(String variable) {
    return keys.stream().anyMatch(key -> environmentNameOf(variable, key));
  }

  private static Set<String> propertiesKeys(Path file) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(Repository.read(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.stringPropertyNames();
  }

  private static List<String> javaSources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(Repository::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
