package dev.setpoint.analytics.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** The plain consumer takes the connector's broker and security settings and its own. */
class TelemetryKafkaLoopTest {
  /** A configuration of string values only, as the loop reads them. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return java.util.List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void takesTheConnectorsBrokerAndSecurityThenTheChannelsSettingsAndNeverAutoCommits() {
    Properties settings =
        TelemetryKafkaLoop.settings(
            new MapConfig(
                Map.of(
                    "mp.messaging.connector.liberty-kafka.bootstrap.servers", "kafka:9093",
                    "mp.messaging.connector.liberty-kafka.security.protocol", "SASL_SSL",
                    "mp.messaging.connector.liberty-kafka.ssl.truststore.location", "/t.p12",
                    "mp.messaging.connector.liberty-kafka.max.poll.records", "500",
                    "setpoint.analytics.telemetry.kafka.group.id", "cloud-a",
                    "setpoint.analytics.telemetry.kafka.max.poll.records", "5000",
                    "setpoint.analytics.telemetry.kafka.enable.auto.commit", "true",
                    "mp.messaging.incoming.telemetry-in.unacked.limit", "15000",
                    "setpoint.analytics.telemetry.kafka.value.deserializer", "x.Y")));

    assertEquals("kafka:9093", settings.get("bootstrap.servers"));
    assertEquals("SASL_SSL", settings.get("security.protocol"));
    assertEquals("/t.p12", settings.get("ssl.truststore.location"));
    assertEquals("cloud-a", settings.get("group.id"));
    assertEquals("5000", settings.get("max.poll.records"), "its own key wins");
    assertEquals("false", settings.get("enable.auto.commit"));
    assertEquals("earliest", settings.get("auto.offset.reset"));
    assertFalse(settings.containsKey("unacked.limit"), "a connector attribute, not Kafka's");
    assertFalse(settings.containsKey("value.deserializer"), "strings, always");
  }
}
