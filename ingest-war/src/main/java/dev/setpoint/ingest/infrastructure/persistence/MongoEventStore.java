package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Stores events in the edge buffer's batch log ({@link BatchLog}): concurrent posts are grouped by
 * {@link EventWriteQueue} and each group becomes one batch document, so the store sees a few write
 * commands per group, whatever its size. Before a group is written its ids are looked up with one
 * {@code $in} on the ids collection, and an id already stored (or earlier in the same group) is
 * that event's 409. 201 follows the commit of the batch document; the driver's default write
 * concern is acknowledged, the stack's MongoDB-wire server commits before it acknowledges, and a
 * real MongoDB journals (see docs/benchmarks.md, "The edge buffer's durability"). What a crash
 * between the batch document and its ids does is {@link BatchLog}'s to explain.
 *
 * <p>One writer thread per replica: the duplicate check and the write are not atomic together, and
 * ingest never races itself on them.
 */
@ApplicationScoped
public class MongoEventStore implements EventStore {
  private final BatchLog log;
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
              description = "Events stored in the edge buffer's batch log since start (v3 and v1)")
          Counter stored) {
    this.stored = stored;
    this.log = new BatchLog(client, database, writes.timeout);
    this.batchMax = writes.batchMax;
    this.queueCapacity = writes.queueCapacity;
    this.timeout = writes.timeout;
  }

  /** For CDI's proxy only. */
  protected MongoEventStore() {
    this.log = null;
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
    return write(log, batch, System.currentTimeMillis());
  }

  /** Writes one group: the duplicate check, then one batch document of the rest. */
  static List<WriteOutcome> write(BatchLog log, List<BufferedEvent> batch, long nowMillis) {
    List<WriteOutcome> outcomes = new ArrayList<>(BatchOutcomes.allStored(batch.size()));
    Set<String> seen = new HashSet<>();
    List<String> candidates = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (seen.add(batch.get(i).id())) {
        candidates.add(batch.get(i).id());
      } else {
        outcomes.set(i, WriteOutcome.DUPLICATE);
      }
    }
    try {
      Set<String> already = log.storedIds(candidates);
      List<BufferedEvent> fresh = new ArrayList<>(batch.size());
      List<Integer> freshAt = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        if (outcomes.get(i) == WriteOutcome.DUPLICATE) {
          continue;
        }
        if (already.contains(batch.get(i).id())) {
          outcomes.set(i, WriteOutcome.DUPLICATE);
        } else {
          fresh.add(batch.get(i));
          freshAt.add(i);
        }
      }
      if (!fresh.isEmpty()) {
        try {
          log.append(fresh, nowMillis);
        } catch (MongoException e) {
          WriteOutcome failed = BatchOutcomes.failed(1, e).get(0);
          for (int i : freshAt) {
            outcomes.set(i, failed);
          }
        }
      }
      return outcomes;
    } catch (MongoException e) {
      // The duplicate check failed: nothing was written.
      WriteOutcome failed =
          new WriteOutcome.Failed(
              "the edge buffer (MongoDB) could not be read ("
                  + e.getMessage()
                  + "); the event was not stored, retry later",
              e);
      for (int i = 0; i < batch.size(); i++) {
        if (outcomes.get(i) != WriteOutcome.DUPLICATE) {
          outcomes.set(i, failed);
        }
      }
      return outcomes;
    }
  }
}
