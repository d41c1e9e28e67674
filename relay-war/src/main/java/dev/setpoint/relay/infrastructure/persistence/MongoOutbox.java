package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.relay.domain.Outbox;
import dev.setpoint.relay.domain.OutboxQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge outbox ({@link OutboxMessage#COLLECTION}) on the relay's own {@link MongoClient}: the
 * relay's appends (in the layout of {@link OutboxMessage}'s mapping, which ingest writes through
 * JNoSQL, held fixed by ingest's StoredLayoutIT), the forwarder's reads, oldest {@code createdAt}
 * first (ingest indexes it), and its deletes, a bulk of deletes by {@code _id} alone (on the
 * stack's mongo-java-server a filter on anything else scans, see {@link MongoPendingEvents}).
 */
@ApplicationScoped
public class MongoOutbox implements Outbox, OutboxQueue {
  private static final Logger LOG = Logger.getLogger(MongoOutbox.class.getName());
  static final String ID = "_id";
  static final String TOPIC = "topic";
  static final String KEY = "key";
  static final String PAYLOAD = "payload";
  static final String CREATED_AT = "createdAt";
  private static final Bson OLDEST_FIRST = Sorts.ascending(CREATED_AT, ID);

  private final MongoCollection<Document> outbox;

  @Inject
  public MongoOutbox(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    this(client.getDatabase(database).getCollection(OutboxMessage.COLLECTION));
  }

  MongoOutbox(MongoCollection<Document> outbox) {
    this.outbox = outbox;
  }

  /** For CDI's proxy only. */
  protected MongoOutbox() {
    this.outbox = null;
  }

  @Override
  public void append(OutboxMessage message) {
    if (message.id() == null || message.topic() == null || message.payload() == null) {
      throw new IllegalArgumentException("an outbox message needs an id, a topic and a payload");
    }
    try {
      outbox.insertOne(document(message));
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // stored before: a retry of an append whose answer was lost
    }
  }

  @Override
  public List<OutboxMessage> oldest(int max) {
    return read(new Document(), max);
  }

  @Override
  public List<OutboxMessage> oldest(String topic, int max) {
    return read(Filters.eq(TOPIC, topic), max);
  }

  private List<OutboxMessage> read(Bson filter, int max) {
    List<OutboxMessage> messages = new ArrayList<>();
    for (Document d : outbox.find(filter).sort(OLDEST_FIRST).limit(max)) {
      try {
        messages.add(message(d));
      } catch (RuntimeException e) {
        // Not a message as ingest writes one: it can never be forwarded, and would hold back
        // every later one. Removed, and logged whole, so what it held is not lost unseen.
        LOG.log(
            Level.SEVERE,
            "outbox document breaks the outbox's layout and is removed: " + d.toJson(),
            e);
        outbox.deleteOne(Filters.eq(ID, d.get(ID)));
      }
    }
    return messages;
  }

  @Override
  public void delete(List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> deletes = new ArrayList<>(ids.size());
    for (String id : ids) {
      deletes.add(new DeleteOneModel<>(Filters.eq(ID, id)));
    }
    outbox.bulkWrite(deletes, new BulkWriteOptions().ordered(false));
  }

  static Document document(OutboxMessage m) {
    Document d = new Document(ID, m.id()).append(TOPIC, m.topic()).append(PAYLOAD, m.payload());
    if (m.key() != null) {
      d.append(KEY, m.key()); // JNoSQL leaves a null column out; so does the relay
    }
    return d.append(CREATED_AT, m.createdAt());
  }

  static OutboxMessage message(Document d) {
    Number createdAt = d.get(CREATED_AT, Number.class);
    if (!(d.get(ID) instanceof String id)
        || !(d.get(TOPIC) instanceof String topic)
        || !(d.get(PAYLOAD) instanceof String payload)
        || createdAt == null) {
      throw new IllegalArgumentException("an outbox message needs _id, topic, payload, createdAt");
    }
    return new OutboxMessage(
        id, topic, d.get(KEY) instanceof String key ? key : null, payload, createdAt.longValue());
  }
}
