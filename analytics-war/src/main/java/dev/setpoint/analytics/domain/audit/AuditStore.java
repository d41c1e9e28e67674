package dev.setpoint.analytics.domain.audit;

import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.audit.AuditRecord;
import java.util.List;

/**
 * Where the audit trail is kept: analytics' own store, append-only (a record is never changed or
 * deleted). Every method throws {@link ControlStoreUnavailableException} when the store cannot be
 * reached.
 */
public interface AuditStore {
  /**
   * Stores a record under its id, once.
   *
   * @return false when a record of that id was stored before (a redelivery); it is kept as it was
   */
  boolean append(AuditRecord record);

  /** The query's page, newest first. */
  List<AuditRecord> query(AuditQuery query);

  /** How many records the query's filter matches, over all pages. */
  long count(AuditQuery query);
}
