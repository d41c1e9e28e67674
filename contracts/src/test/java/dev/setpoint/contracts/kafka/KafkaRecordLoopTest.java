package dev.setpoint.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaRecordLoopTest {
  @Test
  void takesTheConnectorsBrokerAndSecurityThenItsOwnSettingsAndNeverAutoCommits() {
    Map<String, String> config =
        Map.of(
            "mp.messaging.connector.liberty-kafka.bootstrap.servers", "kafka:9093",
            "mp.messaging.connector.liberty-kafka.security.protocol", "SASL_SSL",
            "mp.messaging.connector.liberty-kafka.ssl.truststore.location", "/t.p12",
            "mp.messaging.connector.liberty-kafka.max.poll.records", "500",
            "setpoint.analytics.telemetry.kafka.group.id", "cloud-a",
            "setpoint.analytics.telemetry.kafka.max.poll.records", "5000",
            "setpoint.analytics.telemetry.kafka.enable.auto.commit", "true",
            "setpoint.analytics.telemetry.kafka.unacked.limit", "15000",
            "setpoint.analytics.telemetry.kafka.value.deserializer", "x.Y");
    Properties settings =
        KafkaRecordLoop.settings(
            name -> Optional.ofNullable(config.get(name)),
            "setpoint.analytics.telemetry.kafka.",
            "setpoint-analytics");

    assertEquals("kafka:9093", settings.get("bootstrap.servers"));
    assertEquals("SASL_SSL", settings.get("security.protocol"));
    assertEquals("/t.p12", settings.get("ssl.truststore.location"));
    assertEquals("cloud-a", settings.get("group.id"));
    assertEquals("5000", settings.get("max.poll.records"), "its own key wins");
    assertEquals("false", settings.get("enable.auto.commit"));
    assertEquals("earliest", settings.get("auto.offset.reset"));
    assertFalse(settings.containsKey("unacked.limit"), "a connector attribute, not Kafka's");
    assertFalse(settings.containsKey("value.deserializer"), "strings, always");

    Properties defaults =
        KafkaRecordLoop.settings(name -> Optional.empty(), "setpoint.x.kafka.", "group-x");
    assertEquals("group-x", defaults.get("group.id"));
  }

  @Test
  void aMessageConsumerMarksItsRecordDoneByAcknowledgingAndAFailedStageHasItAgain()
      throws Exception {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>("setpoint.audit", 2, 41L, "k", "{\"id\":\"r-1\"}");
    AtomicInteger done = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();

    KafkaRecordLoop.messages(
            message -> {
              assertEquals(record.value(), message.getPayload());
              assertSame(record, message.unwrap(ConsumerRecord.class), "for dead-letter headers");
              return message.ack();
            })
        .handle(record, done::incrementAndGet, failures::add);
    assertEquals(1, done.get());
    assertTrue(failures.isEmpty());

    KafkaRecordLoop.messages(
            message -> CompletableFuture.failedFuture(new IllegalStateException("store down")))
        .handle(record, done::incrementAndGet, failures::add);
    assertEquals(1, done.get(), "not done");
    assertEquals(1, failures.size(), "read again");
  }
}
