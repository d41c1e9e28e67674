package dev.setpoint.analytics.domain.alert;

import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * Where alerts are kept durably: analytics' own store. Every method throws {@link
 * ControlStoreUnavailableException} when the store cannot be reached.
 */
public interface AlertStore {
  /** The alerts not cleared. */
  List<Alert> open();

  Optional<Alert> find(String id);

  /** Stores the alert, replacing the one stored under its id. */
  void save(Alert alert);

  /** The query's page. */
  List<Alert> query(AlertQuery query);

  /** How many alerts the query's filter matches, over all pages. */
  long count(AlertQuery query);
}
