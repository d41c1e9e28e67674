package dev.setpoint.ingest.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The local issuer's keys before 2026-12 ({@code setpoint.security.local-issuer.*}, as environment
 * variables {@code SETPOINT_SECURITY_LOCAL_ISSUER_*}): the three a launcher sets (issuer, private
 * key, password hash) are still read for one release where the new key is not set, each with a
 * logged deprecation, so a launcher or manifest written for the former names keeps working.
 */
public final class FormerLocalIssuerKeys {
  static final String PREFIX = "setpoint.ingest.security.local-issuer";
  static final String FORMER_PREFIX = "setpoint.security.local-issuer";

  private static final Logger LOG = Logger.getLogger(FormerLocalIssuerKeys.class.getName());

  private FormerLocalIssuerKeys() {}

  /** The configuration with the former keys applied where the new ones are not set. */
  public static LocalIssuerConfig apply(LocalIssuerConfig local, Config config) {
    former(config, "private-key-location", v -> local.privateKeyLocation = Optional.of(v));
    former(config, "password-hash", v -> local.passwordHash = Optional.of(v));
    former(config, "issuer", v -> local.issuer = v);
    return local;
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
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
