package dev.setpoint.it.security;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an anonymous answer must not carry: driver error text, host names and ports, addresses,
 * URIs, file paths. Used on the health bodies while everything is up (AnonymousDisclosureIT) and
 * while MongoDB or Kafka is down (EndToEndIT, which stops them anyway).
 */
public final class Disclosures {
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("(?i)exception|caused by|timed out|refused|\\bat [a-z]+\\.[a-z]"),
          Pattern.compile("\\b[A-Za-z][A-Za-z0-9-]*(\\.[A-Za-z0-9-]+)*:\\d{2,5}\\b"), // host:port
          Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://"), // any URI
          Pattern.compile("(?i)localhost|\\b\\d{1,3}(\\.\\d{1,3}){3}\\b"), // addresses
          Pattern.compile("(^|[\\s\"'=(])(/[\\w.-]+){2,}"), // an absolute path
          Pattern.compile("(?i)\\.(onnx|pem|p12|jks)\\b"));

  private Disclosures() {}

  /** Fails naming the first piece of internal detail {@code body} carries, if any. */
  public static void assertRevealsNothing(String body) {
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(body);
      assertFalse(m.find(), () -> "reveals '" + m.group() + "' (" + p + "): " + body);
    }
  }
}
