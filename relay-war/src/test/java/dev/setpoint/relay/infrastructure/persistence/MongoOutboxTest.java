package dev.setpoint.relay.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.setpoint.contracts.buffer.OutboxMessage;
import java.net.InetSocketAddress;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox through the real driver, on an in-process MongoDB-wire server. */
class MongoOutboxTest {
  static MongoServer server;
  static MongoClient client;
  MongoCollection<Document> documents;
  MongoOutbox outbox;

  @BeforeAll
  static void start() {
    server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
  }

  @BeforeEach
  void emptyOutbox() {
    documents = client.getDatabase("setpoint").getCollection(OutboxMessage.COLLECTION);
    documents.drop();
    outbox = new MongoOutbox(client, "setpoint");
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  static OutboxMessage message(String id, String topic, long createdAt) {
    return new OutboxMessage(id, topic, "k-" + id, "{\"id\":\"" + id + "\"}", createdAt);
  }

  @Test
  void appendedMessagesReadBackOldestFirstAndPerTopicAndAreStoredOnce() {
    outbox.append(message("c", "setpoint.audit", 30));
    outbox.append(message("a", "setpoint.alerts", 10));
    outbox.append(message("b", "setpoint.audit", 10));
    outbox.append(message("a", "setpoint.alerts", 10)); // a retry

    assertEquals(3, documents.countDocuments());
    assertEquals(
        List.of(message("a", "setpoint.alerts", 10), message("b", "setpoint.audit", 10)),
        outbox.oldest(2));
    assertEquals(
        List.of(message("b", "setpoint.audit", 10), message("c", "setpoint.audit", 30)),
        outbox.oldest("setpoint.audit", 10));

    outbox.delete(List.of("a", "c"));
    outbox.delete(List.of());
    assertEquals(List.of(message("b", "setpoint.audit", 10)), outbox.oldest(10));
  }

  @Test
  void aDocumentAsIngestWritesItThroughJnosqlReadsBackAndOneWithoutAKeyToo() {
    // ingest's StoredLayoutIT holds this layout: JNoSQL leaves a null key out
    documents.insertOne(
        new Document("_id", "m1")
            .append("topic", "setpoint.alerts")
            .append("key", "alert-1")
            .append("payload", "{}")
            .append("createdAt", 1_764_316_800_123L));
    documents.insertOne(
        new Document("_id", "m2")
            .append("topic", "setpoint.audit")
            .append("payload", "{}")
            .append("createdAt", 1_764_316_800_124L));
    assertEquals(
        List.of(
            new OutboxMessage("m1", "setpoint.alerts", "alert-1", "{}", 1_764_316_800_123L),
            new OutboxMessage("m2", "setpoint.audit", null, "{}", 1_764_316_800_124L)),
        outbox.oldest(10));
    assertEquals(
        documents.find(new Document("_id", "m2")).first(),
        MongoOutbox.document(outbox.oldest(10).get(1)));
  }

  @Test
  void aDocumentThatIsNoMessageIsRemovedSoItHoldsNothingBack() {
    documents.insertOne(new Document("_id", "broken").append("createdAt", 1L));
    outbox.append(message("ok", "setpoint.audit", 2));
    assertEquals(List.of(message("ok", "setpoint.audit", 2)), outbox.oldest(10));
    assertEquals(1, documents.countDocuments());
  }
}
