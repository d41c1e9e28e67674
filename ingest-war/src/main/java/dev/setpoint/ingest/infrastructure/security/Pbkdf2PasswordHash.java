package dev.setpoint.ingest.infrastructure.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PBKDF2-HMAC-SHA256 password hash in the text form {@code pbkdf2-sha256:<iterations>:<salt,
 * Base64>:<derived key, Base64>}: salt and work factor travel with the value, so either can change
 * without touching the code. {@code stack/OperatorSecrets.java} writes the same form for the
 * single-machine stack.
 */
public final class Pbkdf2PasswordHash {
  /** The prefix of the text form. */
  public static final String SCHEME = "pbkdf2-sha256";

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;

  private final int iterations;
  private final byte[] salt;
  private final byte[] derivedKey;

  private Pbkdf2PasswordHash(int iterations, byte[] salt, byte[] derivedKey) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive, was " + iterations);
    }
    if (salt.length == 0 || derivedKey.length < 16) {
      throw new IllegalArgumentException("the salt is empty or the derived key too short");
    }
    this.iterations = iterations;
    this.salt = salt;
    this.derivedKey = derivedKey;
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException the text is not a hash in this form; the message says why
   *     without repeating the text
   */
  public static Pbkdf2PasswordHash parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the password hash is empty");
    }
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "the password hash must read " + SCHEME + ":<iterations>:<salt>:<key>");
    }
    try {
      return new Pbkdf2PasswordHash(
          Integer.parseInt(parts[1]),
          Base64.getDecoder().decode(parts[2]),
          Base64.getDecoder().decode(parts[3]));
    } catch (IllegalArgumentException e) { // NumberFormatException is one too
      throw new IllegalArgumentException("the password hash is malformed: " + e.getMessage(), e);
    }
  }

  /** Hashes a password with a new random salt. */
  public static Pbkdf2PasswordHash of(char[] password, int iterations, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new Pbkdf2PasswordHash(iterations, salt, derive(password, salt, iterations, KEY_BYTES));
  }

  /** PBKDF2 iterations of this hash. */
  public int iterations() {
    return iterations;
  }

  /** Whether the password matches; the comparison takes as long wherever the keys differ. */
  public boolean matches(char[] password) {
    byte[] candidate = derive(password, salt, iterations, derivedKey.length);
    return MessageDigest.isEqual(candidate, derivedKey);
  }

  /** The text form. */
  public String format() {
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME
        + ":"
        + iterations
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(derivedKey);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Never prints the key material. */
  @Override
  public String toString() {
    return "Pbkdf2PasswordHash[iterations=" + iterations + "]";
  }
}
