package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.ingest.config.WriteQueueConfig;
import dev.setpoint.ingest.domain.EventStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Stores events as documents of {@link BufferedEvent#COLLECTION}, batching concurrent posts into
 * one unordered {@code insertMany} (see {@link EventWriteQueue}). The event id is the document's
 * {@code _id}, so MongoDB itself refuses a second copy, also within one batch; each document insert
 * is atomic, so an event is stored whole or not at all. The driver's default write concern is
 * acknowledged; the stack's MongoDB-wire server commits before it acknowledges, and a real MongoDB
 * journals (see docs/benchmarks.md, "The edge buffer's durability").
 *
 * <p>One writer, not several: the stack's mongo-java-server (1.47) checks a unique key and inserts
 * the document in two steps that are not atomic together ({@code AbstractMongoCollection
 * #addDocument}), so two concurrent inserts of one id could both pass the check and the second
 * overwrite the first. Ingest never sends it two inserts at once.
 */
@ApplicationScoped
public class MongoEventStore implements EventStore {
  private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

  private final MongoCollection<Document> events;
  private final int batchMax;
  private final int queueCapacity;
  private final Duration timeout;

  // Jakarta Concurrency 3.0 (EE 10) offers its default factory only as a resource, not as a CDI
  // bean, hence field injection for this one collaborator.
  @Resource private ManagedThreadFactory threads;

  private EventWriteQueue queue;

  /** Events stored since start; Prometheus derives the ingest rate from it (rate()). */
  private final Counter stored;

  @Inject
  public MongoEventStore(
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      WriteQueueConfig writes,
      @Metric(
              name = "setpoint.ingest.events.stored",
              absolute = true,
              description = "Events stored PENDING in the edge buffer since start (v3 and v1)")
          Counter stored) {
    this.stored = stored;
    this.events = client.getDatabase(database).getCollection(BufferedEvent.COLLECTION);
    this.batchMax = writes.batchMax;
    this.queueCapacity = writes.queueCapacity;
    this.timeout = writes.timeout;
  }

  /** For CDI's proxy only. */
  protected MongoEventStore() {
    this.events = null;
    this.batchMax = 0;
    this.queueCapacity = 0;
    this.timeout = null;
    this.stored = null;
  }

  @PostConstruct
  void start() {
    queue = new EventWriteQueue(this::insert, threads, batchMax, queueCapacity, timeout);
  }

  @PreDestroy
  void stop() {
    queue.close();
  }

  @Override
  public void add(BufferedEvent event) {
    queue.add(event); // returns once MongoDB has it, throws otherwise
    stored.inc();
  }

  private List<WriteOutcome> insert(List<BufferedEvent> batch) {
    List<Document> documents = new ArrayList<>(batch.size());
    for (BufferedEvent event : batch) {
      documents.add(EventDocuments.toDocument(event));
    }
    try {
      events.insertMany(documents, UNORDERED);
      return BatchOutcomes.allStored(batch.size());
    } catch (MongoBulkWriteException e) {
      return BatchOutcomes.of(batch.size(), e);
    } catch (MongoException e) {
      return BatchOutcomes.failed(batch.size(), e);
    }
  }
}
