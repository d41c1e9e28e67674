package dev.setpoint.relay.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built relay WAR on Liberty, draining the real edge buffer into the real broker. */
@ExtendWith(ArquillianExtension.class)
class ForwardingIT {
  private static MongoClient mongo;
  private static MongoCollection<Document> events;
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/relay.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    events = mongo.getDatabase("setpoint").getCollection("events");
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
    CODEC.close();
  }

  /** A PENDING event exactly as ingest stores it. */
  private static Document pending(String id, String device, long origin, double temperature) {
    return new Document("_id", id)
        .append("deviceName", device)
        .append("profileName", "room-sensor")
        .append("sourceName", "climate")
        .append("origin", origin)
        .append(
            "readings",
            List.of(
                new Document("id", UUID.randomUUID().toString())
                    .append("origin", origin)
                    .append("resourceName", "temperature")
                    .append("valueType", "Float64")
                    .append("value", Double.toString(temperature))
                    .append("units", "degC")))
        .append("state", "PENDING")
        .append("receivedAt", System.currentTimeMillis());
  }

  private static KafkaConsumer<String, String> consumer() {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("setpoint.it.kafka.bootstrap"),
                ConsumerConfig.GROUP_ID_CONFIG,
                "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(Topics.TELEMETRY));
    return consumer;
  }

  @Test
  void pendingEventsReachKafkaKeyedByDeviceAndAreMarkedForwarded() {
    String device = "rack-relay-" + UUID.randomUUID();
    long origin = System.currentTimeMillis() * 1_000_000L;
    List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    events.insertOne(pending(ids.get(0), device, origin, 21.5));
    events.insertOne(pending(ids.get(1), device, origin + 1_000, 22.5));

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  if (device.equals(record.key())) {
                    received.add(record);
                  }
                }
                return received.size() >= 2;
              });
    }

    assertEquals(2, received.size());
    TelemetryMessage first = CODEC.decode(received.get(0).value());
    TelemetryMessage second = CODEC.decode(received.get(1).value());
    assertEquals(ids, List.of(first.eventId(), second.eventId()), "one device's events in order");
    assertEquals(device, first.device());
    assertEquals(21.5, first.readings().get(0).value());
    assertEquals(origin, first.origin());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                events.countDocuments(
                        Filters.and(Filters.in("_id", ids), Filters.eq("state", "FORWARDED")))
                    == 2);
    Document stored = events.find(Filters.eq("_id", ids.get(0))).first();
    assertTrue(stored.getLong("forwardedAt") >= stored.getLong("receivedAt"));
  }

  @Test
  void forwardedEventsPastTheRetentionArePurgedAndRecentOnesKept() {
    long now = System.currentTimeMillis();
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    String device = "rack-retention-" + UUID.randomUUID();
    events.insertOne(
        pending(old, device, now * 1_000_000L, 20.0)
            .append("state", "FORWARDED")
            .append("forwardedAt", now - Duration.ofDays(2).toMillis()));
    events.insertOne(
        pending(recent, device, now * 1_000_000L + 1, 20.0)
            .append("state", "FORWARDED")
            .append("forwardedAt", now - Duration.ofMinutes(1).toMillis()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events.countDocuments(Filters.eq("_id", old)) == 0);
    assertEquals(1, events.countDocuments(Filters.eq("_id", recent)));
  }

  @Test
  void readinessReportsMongoDbAndKafkaUp() throws Exception {
    URI ready = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/health/ready");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"relay-mongodb\""), response.body());
    assertTrue(response.body().contains("\"relay-kafka\""), response.body());
    assertTrue(response.body().contains("\"degraded\":false"), response.body());
  }
}
