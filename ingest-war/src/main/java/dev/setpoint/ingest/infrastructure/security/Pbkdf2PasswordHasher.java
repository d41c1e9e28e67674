package dev.setpoint.ingest.infrastructure.security;

import dev.setpoint.ingest.domain.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Users' passwords as {@link Pbkdf2PasswordHash}es of {@link Pbkdf2PasswordHash#DEFAULT_ITERATIONS}
 * iterations, the form the bootstrap user's configured hash has too.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public Pbkdf2PasswordHasher() {
    this(Pbkdf2PasswordHash.DEFAULT_ITERATIONS);
  }

  /** With fewer iterations, for tests that hash many passwords. */
  Pbkdf2PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  @Override
  public String hash(char[] password) {
    return Pbkdf2PasswordHash.of(password, iterations, random).format();
  }

  @Override
  public boolean matches(String hash, char[] password) {
    Pbkdf2PasswordHash parsed;
    try {
      parsed = Pbkdf2PasswordHash.parse(hash);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return parsed.matches(password);
  }
}
