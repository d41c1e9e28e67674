package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the Kafka clients this WAR builds itself (its readiness check's admin client) authenticate
 * and encrypt: the connector-wide keys that liberty-kafka also hands to every channel's client, so
 * a cluster with a TLS listener and SCRAM users (k8s/) sets them once for both. Unset, a client
 * speaks plain Kafka, as on one machine.
 */
@Dependent
public class KafkaClientConfig {

  /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (Kafka's {@code security.protocol}). */
  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.security.protocol")
  public Optional<String> securityProtocol;

  /** SCRAM-SHA-512 with Strimzi's SCRAM users. */
  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.sasl.mechanism")
  public Optional<String> saslMechanism;

  /** The login module line with the user's name and password, from a Secret. */
  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.sasl.jaas.config")
  public Optional<String> saslJaasConfig;

  /** PEM for the cluster CA's certificate as Strimzi writes it. */
  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.ssl.truststore.type")
  public Optional<String> truststoreType;

  /** The file of the certificates that sign the brokers'. */
  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.ssl.truststore.location")
  public Optional<String> truststoreLocation;

  /** The settings that are set, under their Kafka client names, for a client's configuration. */
  public Map<String, Object> clientSecurity() {
    Map<String, Object> settings = new LinkedHashMap<>();
    securityProtocol.ifPresent(v -> settings.put("security.protocol", v));
    saslMechanism.ifPresent(v -> settings.put("sasl.mechanism", v));
    saslJaasConfig.ifPresent(v -> settings.put("sasl.jaas.config", v));
    truststoreType.ifPresent(v -> settings.put("ssl.truststore.type", v));
    truststoreLocation.ifPresent(v -> settings.put("ssl.truststore.location", v));
    return settings;
  }
}
