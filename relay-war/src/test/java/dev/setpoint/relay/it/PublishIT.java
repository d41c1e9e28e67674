package dev.setpoint.relay.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.Topics;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relay's {@code KafkaTelemetryPublisher} on Liberty against the real broker: the stage that
 * MicroProfile Reactive Messaging's {@code Emitter.send(payload)} returns completes once the broker
 * has the record, keyed by device as the {@code ProducerRecord} payload says, and fails when the
 * producer refuses the record (the connector's nack), so an event is never marked FORWARDED on a
 * send that did not reach the broker.
 */
@ExtendWith(ArquillianExtension.class)
class PublishIT {
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/relay.war"))
        .addClass(PublishProbeServlet.class);
  }

  @AfterAll
  static void close() {
    CODEC.close();
  }

  private String publish(String device, String event, int padding) throws Exception {
    URI probe =
        URI.create(
            "http://"
                + base.getHost()
                + ":"
                + base.getPort()
                + "/relay/it/publish?device="
                + device
                + "&event="
                + event
                + "&padding="
                + padding);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** A consumer positioned at the end of every partition of the telemetry topic. */
  private static KafkaConsumer<String, String> consumerAtEnd() {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("setpoint.it.kafka.bootstrap"),
                ConsumerConfig.GROUP_ID_CONFIG,
                "relay-publish-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.TELEMETRY, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before the publish
    return consumer;
  }

  @Test
  void theStageCompletesOnceTheBrokerHasTheRecordKeyedByDevice() throws Exception {
    String device = "rack-publish-" + UUID.randomUUID();
    String event = UUID.randomUUID().toString();
    try (KafkaConsumer<String, String> consumer = consumerAtEnd()) {
      assertEquals("acked", publish(device, event, 0));

      List<ConsumerRecord<String, String>> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  if (device.equals(record.key())) {
                    received.add(record);
                  }
                }
                return !received.isEmpty();
              });
      assertEquals(1, received.size());
      TelemetryMessage message = CODEC.decode(received.get(0).value());
      assertEquals(event, message.eventId());
      assertEquals(device, message.device());
    }
  }

  @Test
  void theStageFailsWhenTheProducerRefusesTheRecord() throws Exception {
    // Twice the producer's max.request.size (1 MB): the producer fails the send in its callback,
    // the connector nacks the message, and the stage must fail rather than complete.
    String outcome =
        publish("rack-too-large-" + UUID.randomUUID(), "e-" + UUID.randomUUID(), 2 << 20);

    assertTrue(outcome.startsWith("failed "), outcome);
    assertTrue(outcome.contains("RecordTooLargeException"), outcome);
  }

  @Test
  void aRefusedRecordDoesNotStopTheChannel() throws Exception {
    publish("rack-too-large-" + UUID.randomUUID(), "e-" + UUID.randomUUID(), 2 << 20);

    assertEquals(
        "acked",
        publish("rack-after-refusal-" + UUID.randomUUID(), UUID.randomUUID().toString(), 0));
  }
}
