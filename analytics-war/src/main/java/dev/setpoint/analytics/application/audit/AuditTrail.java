package dev.setpoint.analytics.application.audit;

import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.analytics.domain.audit.AuditStore;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.audit.AuditRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cloud's audit trail, one place for every change wherever it was made: analytics' own changes
 * are recorded here directly ({@link #record}); the edge's (ingest's metadata, device tokens,
 * commands and logins, the relay's commands) arrive through Kafka and are stored once each ({@link
 * #accept}). Records are kept for good: nothing here deletes one.
 *
 * <p>Analytics records a change right after making it. Should the store refuse the record, the
 * change stands (it was made and answered) and the whole record is logged at SEVERE ({@link
 * AuditRecorder}), so it is not lost without a trace.
 */
public final class AuditTrail implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

  /** The origin of analytics' own records. */
  public static final String ORIGIN = "analytics";

  private final AuditStore store;
  private final AuditRecorder recorder;
  private final Duration retryInitial;
  private final Duration retryMax;

  /**
   * @param retryInitial the first wait before storing an edge record again while the store is down
   *     (doubling up to {@code retryMax})
   */
  public AuditTrail(AuditStore store, Clock clock, Duration retryInitial, Duration retryMax) {
    this.store = store;
    this.recorder = new AuditRecorder(ORIGIN, clock);
    this.retryInitial = retryInitial;
    this.retryMax = retryMax;
  }

  /** Records a change {@code who} made through analytics. */
  public void record(AuditActor who, AuditChange change) {
    recorder.record(who, change, store::append);
  }

  /**
   * Records that {@code who} loaded the model again (an operator through the API, or the service
   * when it saw the file change): the version and source served before and after.
   *
   * @param before the model served before, or null when none was
   */
  public void modelReloaded(AuditActor who, ModelInfo before, ModelInfo after) {
    record(
        who,
        AuditChange.of(AuditKind.MODEL, AuditAction.RELOAD, "model")
            .withBefore(before == null ? null : model(before))
            .withAfter(model(after)));
  }

  private static Object model(ModelInfo info) {
    return AuditChange.state(
        "version", info.version(), "source", info.source(), "loadedAt", info.loadedAt());
  }

  /**
   * Stores a record the edge sent, once (a redelivered one is kept as first stored), retrying with
   * backoff while the store is unreachable.
   *
   * @param running false once the application stops; then an unstored record is left for redelivery
   * @return false for a record stored before
   * @throws InterruptedException when stopped while waiting to retry; the record is not stored
   */
  public boolean accept(AuditRecord record, BooleanSupplier running) throws InterruptedException {
    long wait = retryInitial.toMillis();
    while (true) {
      try {
        return store.append(record);
      } catch (ControlStoreUnavailableException e) {
        if (!running.getAsBoolean()) {
          throw new InterruptedException("stopping; audit record " + record.id() + " kept");
        }
        LOG.log(
            Level.WARNING,
            "could not store audit record {0}, retrying in {1} ms: {2}",
            new Object[] {record.id(), wait, e.getMessage()});
        Thread.sleep(wait);
        wait = Math.min(wait * 2, retryMax.toMillis());
      }
    }
  }

  /** A page of the audit trail, newest first, with the total over all pages. */
  public record Page(List<AuditRecord> records, long total, int page, int size) {}

  /**
   * The records the query matches.
   *
   * @throws ControlStoreUnavailableException when the store cannot be reached
   */
  public Page list(AuditQuery query) {
    return new Page(store.query(query), store.count(query), query.page(), query.size());
  }

  @Override
  public void close() {
    recorder.close();
  }
}
