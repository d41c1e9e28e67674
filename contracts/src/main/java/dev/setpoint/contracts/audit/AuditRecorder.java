package dev.setpoint.contracts.audit;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes one service's audit records: each change stamped with a new id, the time, the actor and the
 * service's origin. Every WAR records a change right after making it, by the code that made it (it
 * knows the state before and after); where the record is kept differs (the edge's outbox,
 * analytics' store), and so does what a failure to keep it means, but never that the change is
 * undone: {@link #record} logs the whole record at SEVERE instead, so it is not lost without a
 * trace. Thread-safe.
 */
public final class AuditRecorder implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

  private final String origin;
  private final Clock clock;
  private final AuditCodec codec = new AuditCodec();

  /**
   * @param origin {@link AuditCodec#origin} of the service
   */
  public AuditRecorder(String origin, Clock clock) {
    this.origin = origin;
    this.clock = clock;
  }

  /** The record of a change {@code who} made now. */
  public AuditRecord make(AuditActor who, AuditChange change) {
    return codec.record(UUID.randomUUID().toString(), clock.instant(), origin, who, change);
  }

  /**
   * Makes the record and hands it to {@code keep}; when that fails, logs the record at SEVERE and
   * returns normally: the change it records stands.
   */
  public void record(AuditActor who, AuditChange change, Consumer<AuditRecord> keep) {
    AuditRecord record = make(who, change);
    try {
      keep.accept(record);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "audit record not kept, written here: " + codec.encode(record), e);
    }
  }

  /** The codec the records are made with. */
  public AuditCodec codec() {
    return codec;
  }

  /** The origin the records name. */
  public String origin() {
    return origin;
  }

  @Override
  public void close() {
    codec.close();
  }
}
