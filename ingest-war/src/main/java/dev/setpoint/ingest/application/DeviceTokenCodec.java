package dev.setpoint.ingest.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape of a device token and how it is hashed for storage.
 *
 * <p>A token is {@value #PREFIX} followed by 256 random bits in URL-safe Base64 (43 characters).
 * The prefix tells it apart from a JWT in the same {@code Authorization: Bearer} header and lets
 * secret scanners recognise a leaked one.
 *
 * <p>It is stored as plain SHA-256, not PBKDF2 or another slow hash, on purpose: slow, salted
 * hashes protect human-chosen passwords, whose few bits of entropy an attacker with the hashes can
 * search offline. A 256-bit random token cannot be searched at any hash speed, and no precomputed
 * table covers 2^256 inputs, so salt and stretching add nothing but cost; that cost would be paid
 * on every event a device posts. An unsalted hash is also deterministic, so it is the document id:
 * a token is found by one indexed lookup.
 */
public final class DeviceTokenCodec {
  /** Every device token starts with this. */
  public static final String PREFIX = "spd_";

  private static final int RANDOM_BYTES = 32;
  private static final int ENCODED_LENGTH = 43; // 32 bytes in Base64 without padding
  private static final int LENGTH = PREFIX.length() + ENCODED_LENGTH;

  private DeviceTokenCodec() {}

  /** A new token from the given source of randomness. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True if the text has the shape of a device token; says nothing about whether it is valid. */
  public static boolean wellFormed(String token) {
    if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < LENGTH; i++) {
      char c = token.charAt(i);
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

  /** SHA-256 of the token's UTF-8 bytes, lower-case hex: what the store keeps. */
  public static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
