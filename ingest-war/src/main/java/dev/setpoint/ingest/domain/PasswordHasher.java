package dev.setpoint.ingest.domain;

/**
 * Hashes passwords for storage and checks a password against a stored hash. A check takes as long
 * whether it matches or not, and as long for every hash of the same work factor.
 */
public interface PasswordHasher {

  /** The text form of a new salted hash of the password. */
  String hash(char[] password);

  /** Whether the password matches the hash; false for a hash that is not of this hasher's form. */
  boolean matches(String hash, char[] password);
}
