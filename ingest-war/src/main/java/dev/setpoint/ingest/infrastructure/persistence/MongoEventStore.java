package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.ingest.config.BufferConfig;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Stores events in the edge buffer's batch log ({@link BatchLog}): concurrent posts are grouped by
 * {@link EventWriteQueue} and each group becomes one batch document ({@link BatchAppender}), so the
 * store sees one write command per group whatever its size, and one more now and then for a block
 * of sequence numbers. Before a group is written its ids are checked against the in-memory window
 * of each device's newest stored ids ({@link RecentEventIds}), and an id found there (or earlier in
 * the same group) is that event's 409. 201 follows the commit of the batch document; the driver's
 * default write concern is acknowledged, the stack's MongoDB-wire server commits before it
 * acknowledges, and a real MongoDB journals (see docs/benchmarks.md, "The edge buffer's
 * durability").
 *
 * <p>The window is refilled from the log by the writer thread before its first group (a read; while
 * it fails, the group fails with 503 and nothing is written), and only the writer thread checks and
 * adds, so check-then-append never races within one ingest. An append that failed may or may not be
 * stored, and its ids are not added: a resend is then stored (again), never refused for an event
 * that is not there. What several replicas would need is {@link RecentEventIds}' to explain.
 */
@ApplicationScoped
public class MongoEventStore implements EventStore {
  private static final Logger LOG = Logger.getLogger(MongoEventStore.class.getName());
  private final BatchLog log;
  private final BatchAppender appender;
  private final BufferConfig buffer;
  private final int batchMax;
  private final int queueCapacity;
  private final Duration timeout;

  // Jakarta Concurrency 3.0 (EE 10) offers its default factory only as a resource, not as a CDI
  // bean, hence field injection for this one collaborator.
  @Resource private ManagedThreadFactory threads;

  private EventWriteQueue queue;

  /** The duplicate window; the writer thread's alone, null until it is loaded. */
  private RecentEventIds recent;

  /** Events stored since start; Prometheus derives the ingest rate from it (rate()). */
  private final Counter stored;

  @Inject
  public MongoEventStore(
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      WriteQueueConfig writes,
      BufferConfig buffer,
      @Metric(
              name = "setpoint.ingest.events.stored",
              absolute = true,
              description = "Events stored in the edge buffer's batch log since start (v3 and v1)")
          Counter stored) {
    this.stored = stored;
    this.log = new BatchLog(client, database);
    this.appender = new BatchAppender(log, writes.timeout, writes.sequenceBlock);
    this.buffer = buffer;
    this.batchMax = writes.batchMax;
    this.queueCapacity = writes.queueCapacity;
    this.timeout = writes.timeout;
  }

  /** For CDI's proxy only. */
  protected MongoEventStore() {
    this.log = null;
    this.appender = null;
    this.buffer = null;
    this.batchMax = 0;
    this.queueCapacity = 0;
    this.timeout = null;
    this.stored = null;
  }

  @PostConstruct
  void start() {
    EventWriteQueue.BatchWriter writer =
        new EventWriteQueue.BatchWriter() {
          @Override
          public List<WriteOutcome> write(List<BufferedEvent> batch) {
            return insert(batch);
          }

          @Override
          public void idle() {
            appender.idle(System.currentTimeMillis());
          }
        };
    queue = new EventWriteQueue(writer, threads, batchMax, queueCapacity, timeout);
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
    if (recent == null) {
      try {
        RecentEventIds loaded = new RecentEventIds(buffer.dedupPerDevice, buffer.dedupMaxDevices);
        long read = loaded.rebuild(log, buffer.dedupRebuildEvents);
        LOG.info(
            () ->
                "duplicate window refilled from the newest "
                    + read
                    + " events of the edge buffer: "
                    + loaded.ids()
                    + " ids of "
                    + loaded.devices()
                    + " devices");
        recent = loaded;
      } catch (MongoException e) {
        return Collections.nCopies(batch.size(), unreadable(e));
      }
    }
    return write(appender, recent, batch, System.currentTimeMillis());
  }

  /** Writes one group: the duplicate check, then one batch document of the rest. */
  static List<WriteOutcome> write(
      BatchAppender appender, RecentEventIds recent, List<BufferedEvent> batch, long nowMillis) {
    List<WriteOutcome> outcomes = new ArrayList<>(BatchOutcomes.allStored(batch.size()));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      if (!seen.add(batch.get(i).id())) {
        outcomes.set(i, WriteOutcome.DUPLICATE);
      }
    }
    List<BufferedEvent> fresh = new ArrayList<>(batch.size());
    List<Integer> freshAt = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes.get(i) == WriteOutcome.DUPLICATE) {
        continue;
      }
      BufferedEvent event = batch.get(i);
      if (recent.contains(event.deviceName(), event.id())) {
        outcomes.set(i, WriteOutcome.DUPLICATE);
      } else {
        fresh.add(event);
        freshAt.add(i);
      }
    }
    if (fresh.isEmpty()) {
      return outcomes;
    }
    try {
      appender.append(fresh, nowMillis);
    } catch (MongoException e) {
      WriteOutcome failed = BatchOutcomes.failed(1, e).get(0);
      for (int i : freshAt) {
        outcomes.set(i, failed);
      }
      return outcomes;
    }
    for (BufferedEvent event : fresh) {
      recent.add(event.deviceName(), event.id());
    }
    return outcomes;
  }

  private static WriteOutcome unreadable(MongoException e) {
    return new WriteOutcome.Failed(
        "the edge buffer (MongoDB) could not be read ("
            + e.getMessage()
            + "); the event was not stored, retry later",
        e);
  }
}
