package dev.setpoint.ingest.application;

import dev.setpoint.contracts.enrolment.Enrolment;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shape of an enrolment code: {@value Enrolment#CODE_PREFIX} followed by 160 random bits in
 * URL-safe Base64 (27 characters). Stored as its SHA-256, like a device token ({@link
 * DeviceTokenCodec} says why a fast hash is right for random secrets); a guess costs the guesser a
 * request, and 2^160 of them are out of reach.
 */
public final class EnrolmentCodeCodec {
  private static final int RANDOM_BYTES = 20;
  private static final int ENCODED_LENGTH = 27; // 20 bytes in Base64 without padding
  private static final int LENGTH = Enrolment.CODE_PREFIX.length() + ENCODED_LENGTH;

  private EnrolmentCodeCodec() {}

  /** A new code from the given source of randomness. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return Enrolment.CODE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True if the text has the shape of a code; says nothing about whether it is valid. */
  public static boolean wellFormed(String code) {
    if (code == null || code.length() != LENGTH || !code.startsWith(Enrolment.CODE_PREFIX)) {
      return false;
    }
    for (int i = Enrolment.CODE_PREFIX.length(); i < LENGTH; i++) {
      char c = code.charAt(i);
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

  /** SHA-256 of the code, lower-case hex: what the store keeps. */
  public static String hash(String code) {
    return DeviceTokenCodec.hash(code);
  }
}
