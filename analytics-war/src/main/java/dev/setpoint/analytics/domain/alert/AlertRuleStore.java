package dev.setpoint.analytics.domain.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the operators' overrides of the alert thresholds are kept, per scope: {@code default} (all
 * rooms), {@code site:<name>} or {@code room:<name>}; each change replaces the scope's overrides.
 */
public interface AlertRuleStore {
  /**
   * A scope's overrides as last set.
   *
   * @param overrides threshold name to value ({@link dev.setpoint.contracts.alert.AlertRules})
   */
  record Overrides(
      String scope, Map<String, Double> overrides, String changedBy, Instant changedAt) {}

  /** Every scope's latest overrides. */
  List<Overrides> all();

  void save(Overrides overrides);
}
