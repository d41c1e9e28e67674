package dev.setpoint.device.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How the agent knows it talks to its own hub over {@code https}: by the SHA-256 fingerprint of the
 * hub's certificate or of its public key, pinned ({@code ingest.tls.pin}, as {@code ./setpoint
 * fingerprint} prints it); by a CA (or the hub's own certificate) in a PEM file ({@code
 * ingest.tls.ca-file}); else by the JDK's default trust, for a hub whose certificate a public CA
 * signed.
 */
public sealed interface HubTrust {

  /**
   * The certificate the hub presents must have one of these SHA-256 fingerprints, of the whole
   * certificate or of its public key (SPKI): several only while a new certificate is rolled out.
   *
   * @param sha256 each 32 bytes, as lower-case hex
   */
  record Pinned(List<String> sha256) implements HubTrust {
    public Pinned {
      sha256 = List.copyOf(sha256);
      if (sha256.isEmpty()) {
        throw new IllegalArgumentException("no fingerprint");
      }
    }

    /**
     * Reads a comma-separated list of fingerprints: 64 hex digits, with or without colons
     * (keytool's and {@code ./setpoint fingerprint}'s {@code AB:CD:…}), or 44 characters of Base64
     * (the SPKI hash browsers and curl's {@code --pinnedpubkey sha256//…} use), each optionally
     * after {@code sha256:} or {@code sha256//}.
     *
     * @throws IllegalArgumentException naming the entry that is none of these
     */
    public static Pinned parse(String text) {
      List<String> pins = new ArrayList<>();
      for (String entry : text.split(",")) {
        String pin = entry.strip();
        if (pin.isEmpty()) {
          continue;
        }
        pins.add(hex(pin));
      }
      if (pins.isEmpty()) {
        throw new IllegalArgumentException("holds no fingerprint");
      }
      return new Pinned(pins);
    }

    private static String hex(String pin) {
      String value = pin;
      String lower = value.toLowerCase(Locale.ROOT);
      if (lower.startsWith("sha256//")) {
        value = value.substring("sha256//".length());
      } else if (lower.startsWith("sha256:") || lower.startsWith("sha-256:")) {
        value = value.substring(value.indexOf(':') + 1);
      }
      String digits = value.replace(":", "").toLowerCase(Locale.ROOT);
      if (digits.length() == 64 && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return digits;
      }
      try {
        byte[] bytes = Base64.getDecoder().decode(value);
        if (bytes.length == 32) {
          return HexFormat.of().formatHex(bytes);
        }
      } catch (IllegalArgumentException notBase64) {
        // reported below, with what was expected
      }
      throw new IllegalArgumentException(
          "entry '"
              + pin
              + "' is not a SHA-256 fingerprint (64 hex digits, colons allowed, or 44 characters"
              + " of Base64)");
    }
  }

  /** The hub's certificate must chain to a certificate in this PEM file and name the URL's host. */
  record CaFile(Path file) implements HubTrust {}

  /** The JDK's trusted CAs, and the URL's host named in the certificate. */
  record JdkDefault() implements HubTrust {}
}
