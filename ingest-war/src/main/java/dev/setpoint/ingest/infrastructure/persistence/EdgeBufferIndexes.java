package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.config.WriteQueueConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prepares the edge buffer when the application starts, and keeps trying (1 s, doubling to 30 s)
 * while MongoDB is down; the startup health check reports DOWN until it is done. In order: the edge
 * outbox's index; the one-time move of the buffer's layout before the batch log into the log
 * ({@link LegacyBufferMigration}); and dropping the per-event id collection of the batch log's
 * first version, never released, if a development database has it ({@link
 * BatchLog#dropLeftoverIds}; the duplicate check is in memory now, {@link RecentEventIds}). Each
 * step is idempotent, so every start (and every replica of ingest) may run it. Once done, the same
 * task publishes every device's {@link CommandTargetView} (the relay's read-only view for checking
 * commands), repairing it after a crash or an upgrade, and retries that alone while it fails.
 *
 * <p>The batch log needs no index but {@code _id}, which every collection has: every read and write
 * of the log, its counter and its cursor is an exact or {@code $in} lookup by {@code _id} (see
 * {@link BatchLog}), which a real MongoDB serves from that index and the stack's mongo-java-server
 * (1.47) from the map its H2 backend keeps by {@code _id} (there, only unique indexes are real; a
 * non-unique one becomes an {@code EmptyIndex} that serves nothing).
 *
 * <p>On the edge outbox ({@link OutboxMessage#COLLECTION}, written by {@link JnosqlOutbox}): {@code
 * createdAt}, the relay's forwarding order (oldest first) and the edge alerts' local delivery,
 * which reads the same order by topic.
 */
@ApplicationScoped
public class EdgeBufferIndexes {
  private static final Logger LOG = Logger.getLogger(EdgeBufferIndexes.class.getName());
  private static final long FIRST_RETRY_MS = 1_000;
  private static final long MAX_RETRY_MS = 30_000;

  /** {@link OutboxMessage#createdAt()}'s field, as its mapping names it. */
  private static final String OUTBOX_CREATED_AT = "createdAt";

  static final List<IndexModel> OUTBOX_INDEXES =
      List.of(
          new IndexModel(
              Indexes.ascending(OUTBOX_CREATED_AT), new IndexOptions().name("createdAt")));

  private final BatchLog log;
  private final Duration writeTimeout;
  private final MongoCollection<Document> legacy;
  private final MongoCollection<Document> outbox;
  private final CommandTargetView targets;

  @Resource private ManagedScheduledExecutorService scheduler;

  private volatile boolean ensured;
  private volatile String lastError = "not tried yet";
  private volatile ScheduledFuture<?> next;

  @Inject
  public EdgeBufferIndexes(
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      WriteQueueConfig writes,
      CommandTargetView targets) {
    this.log = new BatchLog(client, database);
    this.writeTimeout = writes.timeout;
    this.legacy = client.getDatabase(database).getCollection(BufferedEvent.COLLECTION);
    this.outbox = client.getDatabase(database).getCollection(OutboxMessage.COLLECTION);
    this.targets = targets;
  }

  /** For CDI's proxy only. */
  protected EdgeBufferIndexes() {
    this.log = null;
    this.writeTimeout = null;
    this.legacy = null;
    this.outbox = null;
    this.targets = null;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    schedule(0, FIRST_RETRY_MS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> pending = next;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  /** Whether every index exists. */
  public boolean ensured() {
    return ensured;
  }

  /** Why the last attempt failed, while {@link #ensured()} is false. */
  public String lastError() {
    return lastError;
  }

  private void schedule(long delayMs, long retryMs) {
    next = scheduler.schedule(() -> attempt(retryMs), delayMs, TimeUnit.MILLISECONDS);
  }

  /**
   * The indexes first (the startup check waits for them), then the command-target view, which
   * repairs what a crash may have left behind and must not hold the startup check: every device
   * change rewrites its own view anyway.
   */
  private void attempt(long retryMs) {
    if (!ensured) {
      try {
        outbox.createIndexes(OUTBOX_INDEXES);
        long moved = new LegacyBufferMigration(log, writeTimeout, legacy).run();
        if (moved > 0) {
          LOG.info(() -> moved + " PENDING events of the old buffer layout moved to the batch log");
        }
        if (log.dropLeftoverIds()) {
          LOG.info("the batch log's former per-event id collection was dropped");
        }
        ensured = true;
        LOG.info("edge buffer ready: outbox index ensured");
      } catch (RuntimeException e) {
        retry("prepare the edge buffer", e, retryMs);
        return;
      }
    }
    try {
      long devices = targets.publishAll();
      LOG.info(() -> "command targets of " + devices + " devices published");
    } catch (RuntimeException e) {
      retry("publish the command targets", e, retryMs);
    }
  }

  private void retry(String what, RuntimeException e, long retryMs) {
    if (!ensured) {
      lastError = String.valueOf(e.getMessage());
    }
    LOG.log(
        Level.WARNING,
        "could not " + what + ", retrying in {0} ms: {1}",
        new Object[] {retryMs, e.getMessage()});
    schedule(retryMs, Math.min(retryMs * 2, MAX_RETRY_MS));
  }
}
