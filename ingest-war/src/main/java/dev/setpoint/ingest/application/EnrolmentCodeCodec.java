package dev.setpoint.ingest.application;

import dev.setpoint.contracts.enrolment.Enrolment;
import java.security.SecureRandom;

/**
 * The shape of an enrolment code: {@value Enrolment#CODE_PREFIX} followed by 160 random bits in
 * URL-safe Base64 (27 characters). Stored as its SHA-256, like a device token ({@link
 * DeviceTokenCodec} says why a fast hash is right for random secrets); a guess costs the guesser a
 * request, and 2^160 of them are out of reach.
 */
public final class EnrolmentCodeCodec {
  private static final OpaqueSecret SHAPE = new OpaqueSecret(Enrolment.CODE_PREFIX, 20);

  private EnrolmentCodeCodec() {}

  /** A new code from the given source of randomness. */
  public static String generate(SecureRandom random) {
    return SHAPE.generate(random);
  }

  /** True if the text has the shape of a code; says nothing about whether it is valid. */
  public static boolean wellFormed(String code) {
    return SHAPE.wellFormed(code);
  }

  /** SHA-256 of the code, lower-case hex: what the store keeps. */
  public static String hash(String code) {
    return OpaqueSecret.hash(code);
  }
}
