package dev.setpoint.analytics.infrastructure.health;

import dev.setpoint.analytics.config.KafkaClientConfig;
import dev.setpoint.contracts.health.ProbeFailures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the broker answers for the consumer group; reports the group's lag (messages on the
 * topic not yet stored) in the check's data; a failure only as a reason code ({@link
 * ProbeFailures}), its detail in the log. One admin client lives as long as the application.
 */
@Readiness
@ApplicationScoped
public class ConsumerLagReadinessCheck implements HealthCheck {
  private static final int TIMEOUT_MS = 2_000;

  private final Admin admin;
  private final String groupId;
  private final ProbeFailures failures =
      new ProbeFailures(
          "analytics-kafka", Logger.getLogger(ConsumerLagReadinessCheck.class.getName()));

  @Inject
  public ConsumerLagReadinessCheck(
      @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
          String bootstrapServers,
      KafkaClientConfig kafka,
      @ConfigProperty(name = "setpoint.analytics.telemetry.kafka.group.id") String groupId) {
    this.groupId = groupId;
    // The same TLS and SASL settings as the channels' clients (none on one machine).
    Map<String, Object> config = new HashMap<>(kafka.clientSecurity());
    config.putAll(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG, "setpoint-analytics-health",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    this.admin = Admin.create(config);
  }

  /** For CDI's proxy only. */
  protected ConsumerLagReadinessCheck() {
    this.admin = null;
    this.groupId = null;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      long lag = lag();
      failures.passed();
      return HealthCheckResponse.named("analytics-kafka").up().withData("lag", lag).build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return HealthCheckResponse.named("analytics-kafka")
          .down()
          .withData(ProbeFailures.KEY, failures.failed(e))
          .build();
    }
  }

  /**
   * Messages on the topic not yet stored by the group: the sum over its partitions of the end
   * offset minus the committed one (also the gauge setpoint.analytics.consumer.lag).
   */
  public long lag() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(
                groupId, new ListConsumerGroupOffsetsOptions().timeoutMs(TIMEOUT_MS))
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
    long lag = 0;
    if (!committed.isEmpty()) {
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
      for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
        if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
          lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
        }
      }
    }
    return lag;
  }

  @PreDestroy
  void close() {
    admin.close();
  }
}
