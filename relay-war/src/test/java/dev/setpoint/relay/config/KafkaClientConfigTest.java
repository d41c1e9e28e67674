package dev.setpoint.relay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaClientConfigTest {

  private static KafkaClientConfig config(Optional<String> protocol, Optional<String> jaas) {
    KafkaClientConfig config = new KafkaClientConfig();
    config.securityProtocol = protocol;
    config.saslMechanism = protocol.map(p -> "SCRAM-SHA-512");
    config.saslJaasConfig = jaas;
    config.truststoreType = protocol.map(p -> "PEM");
    config.truststoreLocation = protocol.map(p -> "/etc/setpoint/kafka-ca/ca.crt");
    return config;
  }

  @Test
  void onOneMachineTheClientGetsNoSecuritySettings() {
    assertEquals(Map.of(), config(Optional.empty(), Optional.empty()).clientSecurity());
  }

  @Test
  void aScramClusterGivesTheClientEverySettingUnderItsKafkaName() {
    String jaas = "login module line " + System.nanoTime();
    assertEquals(
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", jaas,
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/setpoint/kafka-ca/ca.crt"),
        config(Optional.of("SASL_SSL"), Optional.of(jaas)).clientSecurity());
  }
}
