package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.OutboxMessage;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the edge buffer's and the edge outbox's indexes when the application starts, and keeps
 * trying (1 s, doubling to 30 s) while MongoDB is down; the startup health check reports DOWN until
 * they exist. Creating an index that exists with the same keys and options is a no-op, so every
 * start (and every replica of ingest) may do it. Once they exist, the same task publishes every
 * device's {@link CommandTargetView} (the relay's read-only view for checking commands), repairing
 * it after a crash or an upgrade, and retries that alone while it fails.
 *
 * <p>Each index serves a query of this codebase; {@code _id} (the event id, unique) exists on every
 * collection.
 *
 * <ul>
 *   <li>{@code deviceName, origin desc}: {@code /event/device/name/{name}}, {@code
 *       /event/count/device/name/{name}}, {@code /reading/device/name/{name}};
 *   <li>{@code origin desc}: {@code /event/all}, {@code /event/start/{s}/end/{e}}, {@code
 *       /reading/all};
 *   <li>{@code readings.resourceName, origin desc} (multikey: one key per reading): {@code
 *       /reading/resourceName/{name}};
 *   <li>{@code state, origin}: the relay's drain ({@code state = PENDING}, oldest origin first, see
 *       relay-war {@code MongoPendingEvents#oldest}), its purge ({@code state = FORWARDED}) and the
 *       age purge of {@code DELETE /event/age} ({@code state in [FORWARDED, REJECTED], origin <
 *       t}). The relay drains by state alone, across devices; were it to drain device by device,
 *       {@code state, deviceName, origin} would be the index to add;
 *   <li>{@code deviceName, state}: the count of one device's PENDING events behind its cap
 *       (ingest's {@code DeviceLimits}), an index-only count.
 * </ul>
 *
 * <p>And on the edge outbox ({@link OutboxMessage#COLLECTION}, written by {@link JnosqlOutbox}):
 * {@code createdAt}, the relay's forwarding order (oldest first) and the edge alerts' local
 * delivery, which reads the same order by topic.
 *
 * <p>What the stack's mongo-java-server 1.47 does with them (read in its source, {@code
 * AbstractMongoDatabase#openOrCreateIndex} and {@code EmptyIndex}): it accepts, stores and lists
 * every one of them, but only unique indexes are real there ({@code _id}, and unique secondary
 * ones, single or compound, used for uniqueness and for exact-match lookups). A non-unique index,
 * compound or multikey alike, becomes an {@code EmptyIndex} that indexes nothing and never serves a
 * query: every query other than by {@code _id} scans the collection and sorts in memory. The
 * indexes are for a real MongoDB; on the stack, the edge buffer stays fast only by staying small
 * (the relay's retention of forwarded events).
 */
@ApplicationScoped
public class EdgeBufferIndexes {
  private static final Logger LOG = Logger.getLogger(EdgeBufferIndexes.class.getName());
  private static final long FIRST_RETRY_MS = 1_000;
  private static final long MAX_RETRY_MS = 30_000;

  static final List<IndexModel> INDEXES =
      List.of(
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(EventDocuments.DEVICE_NAME),
                  Indexes.descending(EventDocuments.ORIGIN)),
              new IndexOptions().name("deviceName_origin")),
          new IndexModel(
              Indexes.descending(EventDocuments.ORIGIN), new IndexOptions().name("origin")),
          new IndexModel(
              Indexes.compoundIndex(
                  Indexes.ascending(EventDocuments.READINGS + "." + EventDocuments.RESOURCE_NAME),
                  Indexes.descending(EventDocuments.ORIGIN)),
              new IndexOptions().name("readings.resourceName_origin")),
          new IndexModel(
              Indexes.ascending(EventDocuments.STATE, EventDocuments.ORIGIN),
              new IndexOptions().name("state_origin")),
          new IndexModel(
              Indexes.ascending(EventDocuments.DEVICE_NAME, EventDocuments.STATE),
              new IndexOptions().name("deviceName_state")));

  /** {@link OutboxMessage#createdAt()}'s field, as its mapping names it. */
  private static final String OUTBOX_CREATED_AT = "createdAt";

  static final List<IndexModel> OUTBOX_INDEXES =
      List.of(
          new IndexModel(
              Indexes.ascending(OUTBOX_CREATED_AT), new IndexOptions().name("createdAt")));

  private final MongoCollection<Document> events;
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
      CommandTargetView targets) {
    this.events = client.getDatabase(database).getCollection(BufferedEvent.COLLECTION);
    this.outbox = client.getDatabase(database).getCollection(OutboxMessage.COLLECTION);
    this.targets = targets;
  }

  /** For CDI's proxy only. */
  protected EdgeBufferIndexes() {
    this.events = null;
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
        events.createIndexes(INDEXES);
        outbox.createIndexes(OUTBOX_INDEXES);
        ensured = true;
        LOG.info(
            () ->
                "edge buffer indexes ensured on "
                    + events.getNamespace()
                    + " and "
                    + outbox.getNamespace());
      } catch (RuntimeException e) {
        retry("create the edge buffer indexes", e, retryMs);
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
