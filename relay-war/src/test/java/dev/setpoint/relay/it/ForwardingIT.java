package dev.setpoint.relay.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.EdgeLog;
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
  private static MongoCollection<Document> log;
  private static MongoCollection<Document> meta;
  private static final TelemetryCodec CODEC = new TelemetryCodec();

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/relay.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    log =
        mongo
            .getDatabase(System.getProperty("setpoint.it.database", "setpoint"))
            .getCollection(EdgeLog.COLLECTION);
    meta =
        mongo
            .getDatabase(System.getProperty("setpoint.it.database", "setpoint"))
            .getCollection(EdgeLog.META);
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
    CODEC.close();
  }

  /** An event as ingest embeds it in a batch of the log. */
  private static Document event(String id, String device, long origin, double temperature) {
    return new Document("id", id)
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
        .append("receivedAt", System.currentTimeMillis())
        .append("site", null)
        .append("room", null);
  }

  /** Reserves the next sequence number as ingest does; returns it. */
  private static long reserve(int events, long atMillis) {
    Document counter =
        meta.findOneAndUpdate(
            Filters.eq("_id", EdgeLog.SEQUENCE),
            Updates.combine(
                Updates.inc(EdgeLog.SEQ, 1L),
                Updates.inc(EdgeLog.EVENTS_TOTAL, (long) events),
                Updates.set(EdgeLog.AT, atMillis)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return counter.getLong(EdgeLog.SEQ);
  }

  /** Appends a batch as ingest does (reserve, then the batch document); returns its number. */
  private static long append(long storedAt, Document... events) {
    long seq = reserve(events.length, storedAt);
    log.insertOne(
        new Document("_id", seq)
            .append(EdgeLog.STORED_AT, storedAt)
            .append(EdgeLog.COUNT, events.length)
            .append(EdgeLog.DEVICES, List.of())
            .append(EdgeLog.EVENTS, List.of(events)));
    return seq;
  }

  private static long cursor() {
    Document cursor = meta.find(Filters.eq("_id", EdgeLog.TELEMETRY_CURSOR)).first();
    return cursor == null ? 0 : cursor.getLong(EdgeLog.SEQ);
  }

  private static List<ConsumerRecord<String, String>> receive(
      KafkaConsumer<String, String> consumer, String device, int count) {
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (device.equals(record.key())) {
                  received.add(record);
                }
              }
              return received.size() >= count;
            });
    return received;
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
  void aBatchReachesKafkaKeyedByDeviceInOrderAndTheCursorPassesIt() {
    String device = "rack-relay-" + UUID.randomUUID();
    long origin = System.currentTimeMillis() * 1_000_000L;
    List<String> eventIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    long seq;
    List<ConsumerRecord<String, String>> received;
    try (KafkaConsumer<String, String> consumer = consumer()) {
      seq =
          append(
              System.currentTimeMillis(),
              event(eventIds.get(0), device, origin, 21.5),
              event(eventIds.get(1), device, origin + 1_000, 22.5));
      received = receive(consumer, device, 2);
    }

    assertEquals(2, received.size());
    TelemetryMessage first = CODEC.decode(received.get(0).value());
    TelemetryMessage second = CODEC.decode(received.get(1).value());
    assertEquals(
        eventIds, List.of(first.eventId(), second.eventId()), "one device's events in order");
    assertEquals(device, first.device());
    assertEquals(21.5, first.readings().get(0).value());
    assertEquals(origin, first.origin());
    await().atMost(Duration.ofSeconds(10)).until(() -> cursor() >= seq);
  }

  @Test
  void aGapOlderThanTheGraceIsPassedOverAndTheBatchAfterItForwarded() {
    String device = "rack-gap-" + UUID.randomUUID();
    long longAgo = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
    String id = UUID.randomUUID().toString();
    long seq;
    List<ConsumerRecord<String, String>> received;
    try (KafkaConsumer<String, String> consumer = consumer()) {
      reserve(1, longAgo); // a write that failed: never stored
      seq = append(longAgo, event(id, device, longAgo * 1_000_000L, 19.0));
      received = receive(consumer, device, 1);
    }
    assertEquals(id, CODEC.decode(received.get(0).value()).eventId());
    await().atMost(Duration.ofSeconds(10)).until(() -> cursor() >= seq);
  }

  @Test
  void forwardedBatchesPastTheRetentionAreCompactedAndRecentOnesKept() {
    long now = System.currentTimeMillis();
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    String device = "rack-retention-" + UUID.randomUUID();
    long oldSeq =
        append(now - Duration.ofDays(2).toMillis(), event(old, device, now * 1_000_000L, 20.0));
    long recentSeq = append(now, event(recent, device, now * 1_000_000L + 1, 20.0));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> log.countDocuments(Filters.eq("_id", oldSeq)) == 0);
    assertEquals(1, log.countDocuments(Filters.eq("_id", recentSeq)));
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
