package dev.setpoint.ingest.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One kind of random bearer secret ingest hands out and keeps only as a hash: a prefix that names
 * the kind (and lets secret scanners recognise a leaked one), then random bytes in URL-safe Base64
 * without padding. Device tokens and enrolment codes are two of them ({@link DeviceTokenCodec} says
 * why a fast, unsalted SHA-256 is the right hash for random secrets).
 */
final class OpaqueSecret {
  private final String prefix;
  private final int randomBytes;
  private final int length;

  OpaqueSecret(String prefix, int randomBytes) {
    this.prefix = prefix;
    this.randomBytes = randomBytes;
    this.length = prefix.length() + (randomBytes * 8 + 5) / 6;
  }

  /** A new secret from the given source of randomness. */
  String generate(SecureRandom random) {
    byte[] bytes = new byte[randomBytes];
    random.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True if the text has this kind's shape; says nothing about whether it was ever issued. */
  boolean wellFormed(String text) {
    if (text == null || text.length() != length || !text.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < length; i++) {
      char c = text.charAt(i);
      boolean base64Url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64Url) {
        return false;
      }
    }
    return true;
  }

  /** SHA-256 of the text's UTF-8 bytes, lower-case hex: what a store keeps. */
  static String hash(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
