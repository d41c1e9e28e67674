package dev.setpoint.analytics.it;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The tests' producer to the stack's broker ({@code setpoint.it.kafka.bootstrap}). */
final class ItKafka {
  private ItKafka() {}

  /** A producer of text records that waits for every replica. */
  static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            System.getProperty("setpoint.it.kafka.bootstrap"),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}
