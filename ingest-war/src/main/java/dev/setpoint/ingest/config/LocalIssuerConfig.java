package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single-machine stack's operator login, {@code setpoint.ingest.security.local-issuer.*}. It is
 * on only when {@code private-key-location} (a PKCS#8 PEM file) is set, together with {@code
 * password-hash} ({@code pbkdf2-sha256:<iterations>:<salt>:<key>}); its {@code issuer} must equal
 * {@code mp.jwt.verify.issuer}, its key pair the one {@code mp.jwt.verify.publickey.location}
 * names.
 */
@Dependent
@ConfigProperties(prefix = LocalIssuerConfig.PREFIX)
public class LocalIssuerConfig {
  static final String PREFIX = "setpoint.ingest.security.local-issuer";

  /**
   * The keys' names before 2026-12 ({@code SETPOINT_SECURITY_LOCAL_ISSUER_*} as environment
   * variables), still read for one release where the new key is not set; see {@link
   * #withFormerKeys}.
   */
  static final String FORMER_PREFIX = "setpoint.security.local-issuer";

  private static final Logger LOG = Logger.getLogger(LocalIssuerConfig.class.getName());

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

  /**
   * This configuration with the former keys of the three settings a launcher sets (issuer, private
   * key, password hash) applied where the new key is not set, each with a logged deprecation, so a
   * launcher or manifest written for the former names keeps working for one release.
   */
  public LocalIssuerConfig withFormerKeys(Config config) {
    former(config, "private-key-location", v -> privateKeyLocation = Optional.of(v));
    former(config, "password-hash", v -> passwordHash = Optional.of(v));
    former(config, "issuer", v -> issuer = v);
    return this;
  }

  private static void former(Config config, String name, Consumer<String> apply) {
    String key = PREFIX + "." + name;
    String formerKey = FORMER_PREFIX + "." + name;
    if (config.getOptionalValue(key, String.class).isPresent()) {
      return;
    }
    config
        .getOptionalValue(formerKey, String.class)
        .ifPresent(
            value -> {
              LOG.warning(
                  formerKey
                      + " is deprecated and will be ignored in the next release; set "
                      + key
                      + " (environment: "
                      + env(key)
                      + ") instead");
              apply.accept(value);
            });
  }

  private static String env(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
