package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single-machine stack's login, {@code setpoint.ingest.security.local-issuer.*}. It is on only
 * when {@code private-key-location} (a PKCS#8 PEM file) is set, together with {@code password-hash}
 * ({@code pbkdf2-sha256:<iterations>:<salt>:<key>}); its {@code issuer} must equal {@code
 * mp.jwt.verify.issuer}, its key pair the one {@code mp.jwt.verify.publickey.location} names. The
 * former names of three keys still work for one release: {@link FormerLocalIssuerKeys}.
 */
@Dependent
public class LocalIssuerConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.local-issuer.private-key-location")
  public Optional<String> privateKeyLocation;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.local-issuer.password-hash")
  public Optional<String> passwordHash;

  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.issuer",
      defaultValue = "urn:setpoint:local-issuer")
  public String issuer;

  /**
   * The bootstrap user's name: an admin whose password hash is {@link #passwordHash}, the one login
   * that exists before any other user is created (the others are stored in MongoDB).
   */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.username",
      defaultValue = "operator")
  public String username;

  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.token-lifetime",
      defaultValue = "PT1H")
  public Duration tokenLifetime;

  /** Unsuccessful logins per client address and {@link #loginWindow} before 429. */
  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.max-login-attempts",
      defaultValue = "5")
  public int maxLoginAttempts;

  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.local-issuer.login-window",
      defaultValue = "PT1M")
  public Duration loginWindow;
}
