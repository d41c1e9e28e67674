package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single-machine stack's operator login, {@code setpoint.ingest.security.local-issuer.*}. It is
 * on only when {@code private-key-location} (a PKCS#8 PEM file) is set, together with {@code
 * password-hash} ({@code pbkdf2-sha256:<iterations>:<salt>:<key>}); its {@code issuer} must equal
 * {@code mp.jwt.verify.issuer}, its key pair the one {@code mp.jwt.verify.publickey.location}
 * names. The former names of three keys still work for one release: {@link FormerLocalIssuerKeys}.
 */
@Dependent
@ConfigProperties(prefix = "setpoint.ingest.security.local-issuer")
public class LocalIssuerConfig {
  // Only the keys' fields here: MicroProfile Config binds every field, static ones included.

  @ConfigProperty(name = "private-key-location")
  public Optional<String> privateKeyLocation;

  @ConfigProperty(name = "password-hash")
  public Optional<String> passwordHash;

  @ConfigProperty(name = "issuer", defaultValue = "urn:setpoint:local-issuer")
  public String issuer;

  /** The one operator's user name. */
  @ConfigProperty(name = "username", defaultValue = "operator")
  public String username;

  @ConfigProperty(name = "token-lifetime", defaultValue = "PT1H")
  public Duration tokenLifetime;

  /** Unsuccessful logins per client address and {@link #loginWindow} before 429. */
  @ConfigProperty(name = "max-login-attempts", defaultValue = "5")
  public int maxLoginAttempts;

  @ConfigProperty(name = "login-window", defaultValue = "PT1M")
  public Duration loginWindow;
}
