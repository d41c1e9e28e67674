package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.EventStore;
import dev.setpoint.ingest.domain.Outbox;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.io.File;
import java.util.List;
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
 * Inside the running WAR: the documents ingest writes with the driver are the documents JNoSQL
 * writes for the same {@link BufferedEvent} (the relay reads and rewrites them through JNoSQL), and
 * JNoSQL's {@code Template} and {@code MongoDBTemplate} run on ingest's one client. The outbox's
 * documents have the fields and BSON types the relay's driver reads ({@code MongoOutbox}).
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
            // No units: JNoSQL leaves the field out; so must ingest.
            new BufferedReading(
                UUID.randomUUID().toString(), origin + 5, "humidity", "Float64", "41.5", null)),
        state,
        System.currentTimeMillis(),
        forwardedAt);
  }

  private static BufferedEvent withId(BufferedEvent e, String id) {
    return new BufferedEvent(
        id,
        e.deviceName(),
        e.profileName(),
        e.sourceName(),
        e.origin(),
        e.readings(),
        e.state(),
        e.receivedAt(),
        e.forwardedAt());
  }

  private MongoCollection<Document> events() {
    return client.getDatabase("setpoint").getCollection(BufferedEvent.COLLECTION);
  }

  private Document raw(String id) {
    Document document = events().find(Filters.eq("_id", id)).first();
    assertNotNull(document, id);
    document.remove("_id");
    return document;
  }

  @Test
  void ingestWritesTheDocumentJnosqlWrites() {
    for (BufferedEvent mine :
        List.of(
            event(UUID.randomUUID().toString(), EventState.PENDING, null),
            event(UUID.randomUUID().toString(), EventState.FORWARDED, 1_764_316_800_000L))) {
      BufferedEvent jnosqls = withId(mine, UUID.randomUUID().toString());

      store.add(mine);
      template.insert(jnosqls);

      // Same fields with the same BSON types, nulls included (forwardedAt, the second reading's
      // units); Document equality ignores field order.
      assertEquals(raw(jnosqls.id()), raw(mine.id()));
      assertEquals(mine, template.find(BufferedEvent.class, mine.id()).orElseThrow());
    }
  }

  @Test
  void ingestReadsWhatJnosqlWritesIncludingTheRelaysUpdate() {
    BufferedEvent pending = event(UUID.randomUUID().toString(), EventState.PENDING, null);
    template.insert(pending);
    assertEquals(pending, queries.event(pending.id()).orElseThrow());

    // The relay marks an event forwarded with a JNoSQL update of the whole entity.
    BufferedEvent forwarded = pending.forwarded(System.currentTimeMillis());
    template.update(forwarded);
    assertEquals(forwarded, queries.event(pending.id()).orElseThrow());

    BufferedEvent rejected = pending.rejected();
    template.update(rejected);
    assertEquals(rejected, queries.event(pending.id()).orElseThrow());
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
    assertEquals(1, mongoTemplate.count(BufferedEvent.class, Filters.eq("_id", stored.id())));
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
