package dev.setpoint.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class FormerLocalIssuerKeysTest {
  private static LocalIssuerConfig defaults() {
    LocalIssuerConfig config = new LocalIssuerConfig();
    config.privateKeyLocation = Optional.empty();
    config.passwordHash = Optional.empty();
    config.issuer = "urn:setpoint:local-issuer";
    return config;
  }

  @Test
  void theFormerKeysApplyWhereTheNewOnesAreNotSet() {
    LocalIssuerConfig config =
        FormerLocalIssuerKeys.apply(
            defaults(),
            new MapConfig(
                Map.of(
                    "setpoint.security.local-issuer.private-key-location", "/k.pem",
                    "setpoint.security.local-issuer.password-hash", "pbkdf2-sha256:1:a:b",
                    "setpoint.security.local-issuer.issuer", "urn:old")));
    assertEquals(Optional.of("/k.pem"), config.privateKeyLocation);
    assertEquals(Optional.of("pbkdf2-sha256:1:a:b"), config.passwordHash);
    assertEquals("urn:old", config.issuer);
  }

  @Test
  void aNewKeyWinsOverItsFormerName() {
    LocalIssuerConfig config = defaults();
    config.issuer = "urn:new";
    FormerLocalIssuerKeys.apply(
        config,
        new MapConfig(
            Map.of(
                "setpoint.ingest.security.local-issuer.issuer", "urn:new",
                "setpoint.security.local-issuer.issuer", "urn:old")));
    assertEquals("urn:new", config.issuer);
    assertEquals(Optional.empty(), config.privateKeyLocation);
  }

  /** A Config of fixed string values, enough for {@link FormerLocalIssuerKeys}. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new IllegalArgumentException();
    }
  }
}
