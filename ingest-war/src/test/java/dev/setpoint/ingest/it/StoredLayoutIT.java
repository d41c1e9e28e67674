package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.EventStore;
import dev.setpoint.ingest.domain.Outbox;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;
import org.eclipse.jnosql.mapping.DatabaseQualifier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running WAR: the edge buffer's batch log as ingest writes it ({@link EdgeLog}), field
 * for field and with the BSON types the relay's driver reads ({@code MongoPendingEvents}): one
 * batch document per write, its events embedded without a state, no document per event, the counter
 * moved. JNoSQL's {@code Template} and {@code MongoDBTemplate} run on ingest's one client. The
 * outbox's documents have the fields and BSON types the relay's driver reads ({@code MongoOutbox}).
 */
@ExtendWith(ArquillianExtension.class)
class StoredLayoutIT {
  @Inject Template template;
  @Inject MongoDBTemplate mongoTemplate;
  @Inject EventStore store;
  @Inject EventQueries queries;
  @Inject MongoClient client;
  @Inject Outbox outbox;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"))
        .addClass(StoredLayoutIT.class);
  }

  private static BufferedEvent event(String id, EventState state, Long forwardedAt) {
    long origin = System.currentTimeMillis() * 1_000_000L + 123;
    return new BufferedEvent(
        id,
        "rack-layout",
        "room-sensor",
        "climate",
        origin,
        List.of(
            new BufferedReading(
                UUID.randomUUID().toString(), origin, "temperature", "Float64", "2.1e+01", "degC"),
            new BufferedReading(
                UUID.randomUUID().toString(), origin + 5, "humidity", "Float64", "41.5", null)),
        state,
        System.currentTimeMillis(),
        forwardedAt);
  }

  private MongoCollection<Document> collection(String name) {
    return client.getDatabase("setpoint").getCollection(name);
  }

  @Test
  void anEventIsStoredInOneBatchDocumentAndNothingPerEvent() {
    BufferedEvent event = event(UUID.randomUUID().toString(), EventState.PENDING, null);
    store.add(event);

    Document batch =
        collection(EdgeLog.COLLECTION).find(Filters.eq("events.id", event.id())).first();
    assertNotNull(batch, "the batch holding " + event.id());
    long seq = batch.getLong("_id");
    assertFalse(
        client
            .getDatabase("setpoint")
            .listCollectionNames()
            .into(new java.util.ArrayList<>())
            .contains("edgelogIds"),
        "no document per event (the duplicate check is in memory)");
    assertEquals(Set.of("_id", "storedAt", "n", "devices", "events"), batch.keySet(), "fields");
    assertEquals(Long.class, batch.get("storedAt").getClass());
    assertTrue(batch.getInteger("n") >= 1);
    List<Document> events = batch.getList("events", Document.class);
    Document embedded =
        events.stream().filter(e -> event.id().equals(e.get("id"))).findFirst().orElseThrow();
    BufferedReading temperature = event.readings().get(0);
    BufferedReading humidity = event.readings().get(1);
    assertEquals(
        new Document("id", event.id())
            .append("deviceName", "rack-layout")
            .append("profileName", "room-sensor")
            .append("sourceName", "climate")
            .append("origin", event.origin())
            .append(
                "readings",
                List.of(
                    new Document("id", temperature.id())
                        .append("origin", temperature.origin())
                        .append("resourceName", "temperature")
                        .append("valueType", "Float64")
                        .append("value", "2.1e+01")
                        .append("units", "degC"),
                    new Document("id", humidity.id())
                        .append("origin", humidity.origin())
                        .append("resourceName", "humidity")
                        .append("valueType", "Float64")
                        .append("value", "41.5")
                        .append("units", null)))
            .append("receivedAt", event.receivedAt())
            .append("site", null)
            .append("room", null),
        embedded,
        "no state, no forwardedAt; longs as int64, nulls explicit");
    assertTrue(
        batch.getList("devices", Document.class).stream()
            .anyMatch(d -> "rack-layout".equals(d.get("d")) && d.getInteger("n") >= 1));
    Document counter = collection(EdgeLog.META).find(Filters.eq("_id", EdgeLog.SEQUENCE)).first();
    assertTrue(counter.getLong(EdgeLog.SEQ) >= seq);

    assertEquals(event, queries.event(event.id()).orElseThrow(), "read back by id");
  }

  @Test
  void theSameIdIsStoredOnce() {
    BufferedEvent event = event(UUID.randomUUID().toString(), EventState.PENDING, null);
    store.add(event);
    assertThrows(DuplicateEventException.class, () -> store.add(event));
    assertEquals(
        1, collection(EdgeLog.COLLECTION).countDocuments(Filters.eq("events.id", event.id())));
  }

  @Test
  void templateAndMongoTemplateShareOneManagerOnIngestsClient() {
    MongoDBDocumentManager forMongoTemplate =
        CDI.current().select(MongoDBDocumentManager.class).get();
    DatabaseManager forTemplate =
        CDI.current().select(DatabaseManager.class, DatabaseQualifier.ofDocument()).get();

    // JNoSQL's own producers would give two managers (and MongoDBTemplate a new one per lookup).
    assertSame(forMongoTemplate, forTemplate);
    assertSame(forMongoTemplate, CDI.current().select(MongoDBDocumentManager.class).get());
    assertEquals("setpoint", forTemplate.name());

    BufferedEvent stored = event(UUID.randomUUID().toString(), EventState.PENDING, null);
    store.add(stored);
    assertEquals(1, mongoTemplate.count(EdgeLog.COLLECTION, Filters.eq("events.id", stored.id())));
  }

  @Test
  void anOutboxMessageIsStoredOnceInTheLayoutTheRelayReads() {
    String id = UUID.randomUUID().toString();
    OutboxMessage message =
        new OutboxMessage(id, "setpoint.alerts", "alert-1", "{\"a\":1}", 1_764_316_800_123L);
    outbox.append(message);
    outbox.append(message); // a retry: stored once

    MongoCollection<Document> documents =
        client.getDatabase("setpoint").getCollection(OutboxMessage.COLLECTION);
    assertEquals(1, documents.countDocuments(Filters.eq("_id", id)));
    Document stored = documents.find(Filters.eq("_id", id)).first();
    assertEquals(
        new Document("_id", id)
            .append("topic", "setpoint.alerts")
            .append("key", "alert-1")
            .append("payload", "{\"a\":1}")
            .append("createdAt", 1_764_316_800_123L),
        stored);
    assertEquals(message, template.find(OutboxMessage.class, id).orElseThrow());
  }
}
