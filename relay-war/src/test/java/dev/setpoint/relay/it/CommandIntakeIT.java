package dev.setpoint.relay.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.CommandTarget;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.Topics;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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

/**
 * The built relay WAR on Liberty taking commands from the real broker into the real MongoDB-wire
 * server, where ingest's Core Command reads them. Devices and profiles are written in the layout
 * ingest stores them (proven for ingest by its StoredLayoutIT).
 */
@ExtendWith(ArquillianExtension.class)
class CommandIntakeIT {
  private static final CommandCodec CODEC = new CommandCodec();
  private static MongoClient mongo;
  private static MongoDatabase db;
  private static KafkaProducer<String, String> producer;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/relay.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    db = mongo.getDatabase(System.getProperty("setpoint.it.database", "setpoint"));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("setpoint.it.kafka.bootstrap"),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    mongo.close();
    CODEC.close();
  }

  /**
   * A device registered at this hub, as the relay sees it: the view ingest publishes ({@link
   * CommandTarget}), with a writable setpoint in 18..27 °C. The relay reads nothing else of
   * ingest's metadata.
   */
  private static String device(boolean locked) {
    String name = "room-it-" + UUID.randomUUID();
    db.getCollection(CommandTarget.COLLECTION)
        .insertOne(
            new Document("_id", name)
                .append("locked", locked)
                .append(
                    "resources",
                    List.of(
                        new Document("name", "setpoint")
                            .append("valueType", "Float64")
                            .append("minimum", 18.0)
                            .append("maximum", 27.0)))
                .append("updatedAt", System.currentTimeMillis()));
    return name;
  }

  private static CommandMessage command(String id, String device, String value, long issuedAt) {
    return new CommandMessage(
        1,
        id,
        device,
        "setpoint",
        value,
        CommandSource.RECOMMENDER,
        issuedAt,
        "highest safe candidate",
        "it");
  }

  private static void send(CommandMessage command) throws Exception {
    producer
        .send(new ProducerRecord<>(Topics.COMMANDS, command.device(), CODEC.encode(command)))
        .get();
  }

  private static Document stored(String device) {
    return db.getCollection("commands").find(Filters.eq("_id", device + "/setpoint")).first();
  }

  @Test
  void theLatestCommandIsStoredOnceAndAnOlderOrInvalidOneIsNot() throws Exception {
    String device = device(false);
    long now = System.currentTimeMillis();

    send(command("c1", device, "24.5", now));
    send(command("c1", device, "24.5", now)); // redelivered
    send(command("c2", device, "35", now + 1)); // outside the profile's range
    send(command("c3", device, "25.0", now + 2));
    send(command("c0", device, "19", now - 60_000)); // issued before c3, arrives after it
    send(command("c4", "no-such-device-" + UUID.randomUUID(), "24", now + 3));
    // The same key, so the same partition: taken after all of the device's commands above.
    send(command("c5", device, "26.0", now + 5));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stored(device) != null && "c5".equals(stored(device).getString("commandId")));
    Document latest = stored(device);
    assertEquals("26.0", latest.getString("value"));
    assertEquals(
        3L,
        latest.get("version", Number.class).longValue(),
        "c1 once, c3, c5: neither the redelivery, the out-of-range c2 nor the older c0 was stored");
    assertEquals("RECOMMENDER", latest.getString("source"));
    assertEquals("Float64", latest.getString("valueType"));
    assertEquals(device, latest.getString("deviceName"));
    assertEquals(now + 5, latest.get("setAt", Number.class).longValue());
  }

  @Test
  void aLockedDeviceTakesNoCommand() throws Exception {
    String locked = device(true);
    double refusedBefore = commands("refused");
    send(command("l1", locked, "24", System.currentTimeMillis()));

    await().atMost(Duration.ofSeconds(60)).until(() -> commands("refused") > refusedBefore);
    assertEquals(null, stored(locked));
  }

  @Test
  void anOperatorsHeldValueIsNotReplacedByTheRecommenderUntilTheHoldEnds() throws Exception {
    String device = device(false);
    long now = System.currentTimeMillis();
    // Stored as ingest stores an operator's PUT ...?hold-until=now+60s: by the one upsert rule.
    StoredCommand operator =
        StoredCommand.toStore(
                device,
                "setpoint",
                "Float64",
                "21.0",
                CommandSource.OPERATOR,
                now,
                "op-" + UUID.randomUUID())
            .heldTo(now + 60_000);
    db.getCollection("commands")
        .updateOne(
            new Document(CommandUpsert.filter(operator)),
            new Document(CommandUpsert.update(operator)),
            new UpdateOptions().upsert(true));
    double heldBefore = commands("held");

    send(command("h1", device, "24.0", now + 1_000)); // issued inside the hold
    await().atMost(Duration.ofSeconds(60)).until(() -> commands("held") > heldBefore);
    assertEquals("21.0", stored(device).getString("value"));
    assertEquals("OPERATOR", stored(device).getString("source"));

    send(command("h2", device, "25.0", now + 61_000)); // issued after the hold ends
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "h2".equals(stored(device).getString("commandId")));
    assertEquals("25.0", stored(device).getString("value"));
    assertEquals(2L, stored(device).get("version", Number.class).longValue());
  }

  /** One of the relay's command counts ({@code stored}, {@code refused}, {@code held}…). */
  private double commands(String outcome) throws Exception {
    URI metrics =
        URI.create(
            "http://" + base.getHost() + ":" + base.getPort() + "/metrics?scope=application");
    String body =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^setpoint_relay_commands_"
                    + outcome
                    + "(?:_total)?\\{[^}]*\\}\\s+([0-9.eE+-]+)")
            .matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void metricsShowTheRelaysFigures() throws Exception {
    URI metrics = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/metrics");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    for (String name :
        List.of(
            "setpoint_relay_backlog",
            "setpoint_relay_oldest_pending_age_seconds",
            "setpoint_relay_forwarded",
            "setpoint_relay_commands_stored",
            "setpoint_relay_commands_refused",
            "setpoint_relay_commands_skipped",
            "setpoint_relay_commands_held")) {
      assertTrue(response.body().contains(name), name + " missing from:\n" + response.body());
    }
  }
}
