package dev.setpoint.analytics.domain;

import dev.setpoint.contracts.telemetry.TelemetryMessage;

/** Where climate history lives. */
public interface TimeSeriesStore {

  /**
   * Stores the message's readings durably before returning. Storing the same message again changes
   * nothing: a point is identified by device and origin.
   *
   * @throws UnstorableTelemetryException when the store refuses this message for good
   * @throws RuntimeException when the store did not take the write for a passing reason
   */
  void write(TelemetryMessage message);

  /**
   * Stores one recommender decision durably before returning; device and time identify it.
   *
   * @throws RuntimeException when the store did not take the write
   */
  void write(DeviceRecommendation recommendation);

  /** Whether the store answers right now. */
  boolean isReachable();
}
