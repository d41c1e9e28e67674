package dev.setpoint.ingest.application;

import java.security.SecureRandom;

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

  private static final OpaqueSecret SHAPE = new OpaqueSecret(PREFIX, 32);

  private DeviceTokenCodec() {}

  /** A new token from the given source of randomness. */
  public static String generate(SecureRandom random) {
    return SHAPE.generate(random);
  }

  /** True if the text has the shape of a device token; says nothing about whether it is valid. */
  public static boolean wellFormed(String token) {
    return SHAPE.wellFormed(token);
  }

  /** SHA-256 of the token's UTF-8 bytes, lower-case hex: what the store keeps. */
  public static String hash(String token) {
    return OpaqueSecret.hash(token);
  }
}
