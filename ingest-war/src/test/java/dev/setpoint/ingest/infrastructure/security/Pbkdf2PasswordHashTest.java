package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2PasswordHashTest {

  @Test
  void verifiesTheStandardTestVector() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, 64 bytes.
    byte[] key =
        HexFormat.of()
            .parseHex(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                    + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    String text =
        "pbkdf2-sha256:1:"
            + Base64.getEncoder().encodeToString("salt".getBytes(StandardCharsets.US_ASCII))
            + ":"
            + Base64.getEncoder().encodeToString(key);

    Pbkdf2PasswordHash hash = Pbkdf2PasswordHash.parse(text);

    assertTrue(hash.matches("passwd".toCharArray()));
    assertFalse(hash.matches("passwe".toCharArray()));
    assertEquals(text, hash.format());
  }

  @Test
  void aNewHashMatchesItsPasswordOnlyAndSurvivesItsTextForm() {
    Pbkdf2PasswordHash hash =
        Pbkdf2PasswordHash.of("correct horse".toCharArray(), 1_000, new SecureRandom());
    Pbkdf2PasswordHash parsed = Pbkdf2PasswordHash.parse(hash.format());

    assertTrue(parsed.matches("correct horse".toCharArray()));
    assertFalse(parsed.matches("correct hors".toCharArray()));
    assertFalse(parsed.matches("".toCharArray()));
    assertEquals(1_000, parsed.iterations());
    assertFalse(hash.toString().contains(hash.format().split(":")[3]), "no key in toString");
  }

  @Test
  void twoHashesOfOnePasswordDifferBySalt() {
    SecureRandom random = new SecureRandom();
    assertFalse(
        Pbkdf2PasswordHash.of("pw".toCharArray(), 10, random)
            .format()
            .equals(Pbkdf2PasswordHash.of("pw".toCharArray(), 10, random).format()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "pbkdf2-sha256",
        "pbkdf2-sha1:1000:c2FsdA==:VGhpcyBpcyBzaXh0ZWVuIGJ5dGVz",
        "pbkdf2-sha256:many:c2FsdA==:VGhpcyBpcyBzaXh0ZWVuIGJ5dGVz",
        "pbkdf2-sha256:0:c2FsdA==:VGhpcyBpcyBzaXh0ZWVuIGJ5dGVz",
        "pbkdf2-sha256:1000:!!!:VGhpcyBpcyBzaXh0ZWVuIGJ5dGVz",
        "pbkdf2-sha256:1000:c2FsdA==:c2hvcnQ=",
        "pbkdf2-sha256:1000:c2FsdA==:VGhpcyBpcyBzaXh0ZWVuIGJ5dGVz:extra"
      })
  void refusesAnythingButItsForm(String text) {
    assertThrows(IllegalArgumentException.class, () -> Pbkdf2PasswordHash.parse(text));
  }

  /** The stack's generator (stack/OperatorSecrets.java) writes hashes this class verifies. */
  @Test
  void verifiesWhatTheStackGeneratorWrites() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path generator = Path.of("..", "stack", "OperatorSecrets.java").toAbsolutePath().normalize();
    Process process =
        new ProcessBuilder(java.toString(), generator.toString(), "hash")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    process.getOutputStream().write("s3cret pass\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());

    Pbkdf2PasswordHash hash = Pbkdf2PasswordHash.parse(output.strip());

    assertEquals(Pbkdf2PasswordHash.DEFAULT_ITERATIONS, hash.iterations());
    assertTrue(hash.matches("s3cret pass".toCharArray()));
    assertFalse(hash.matches("s3cret pas".toCharArray()));
  }
}
