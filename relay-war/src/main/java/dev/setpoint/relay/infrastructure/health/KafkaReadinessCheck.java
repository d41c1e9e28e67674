package dev.setpoint.relay.infrastructure.health;

import dev.setpoint.contracts.health.ProbeFailures;
import dev.setpoint.relay.config.KafkaClientConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the broker answers a cluster description within the probe timeout. One admin client
 * lives as long as the application, so probes open no new connections.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {
  static final String NAME = "relay-kafka";
  private static final int TIMEOUT_MS = 2_000;

  private final Admin admin;
  private final ProbeFailures failures =
      new ProbeFailures(NAME, Logger.getLogger(KafkaReadinessCheck.class.getName()));

  @Inject
  public KafkaReadinessCheck(
      @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
          String bootstrapServers,
      KafkaClientConfig kafka) {
    // The same TLS and SASL settings as the channels' clients (none on one machine).
    Map<String, Object> config = new HashMap<>(kafka.clientSecurity());
    config.putAll(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG, "setpoint-relay-health",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    this.admin = Admin.create(config);
  }

  /** For CDI's proxy only. */
  protected KafkaReadinessCheck() {
    this.admin = null;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      int brokers =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
              .nodes()
              .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
              .size();
      failures.passed();
      return HealthCheckResponse.named(NAME)
          .up()
          .withData("degraded", false)
          .withData("brokers", brokers)
          .build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // UP on purpose: the relay's job during a broker outage is to keep the edge buffering (ingest
      // stores, the relay retries and resumes in order). Taking it out of service would not bring
      // the broker back; the outage is reported here, and the backlog in relay-mongodb.
      return HealthCheckResponse.named(NAME)
          .up()
          .withData("degraded", true)
          .withData(ProbeFailures.KEY, failures.failed(e))
          .build();
    }
  }

  @PreDestroy
  void close() {
    admin.close();
  }
}
