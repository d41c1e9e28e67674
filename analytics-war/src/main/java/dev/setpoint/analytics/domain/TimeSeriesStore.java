package dev.setpoint.analytics.domain;

import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.util.List;

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
   * Stores every message of the batch durably before returning, in one request where the store can
   * (this default writes them one by one). All or nothing as far as the caller knows: when it
   * throws, the caller writes the whole batch again, which changes nothing for the messages already
   * stored (a point is identified by device, source and origin).
   *
   * @throws UnstorableTelemetryException when the store refuses the batch for what is in it (one
   *     message or more it will never take)
   * @throws RuntimeException when the store did not take the write for a passing reason
   */
  default void write(List<TelemetryMessage> batch) {
    for (TelemetryMessage message : batch) {
      write(message);
    }
  }

  /**
   * Stores one recommender decision durably before returning; device and time identify it.
   *
   * @throws RuntimeException when the store did not take the write
   */
  void write(DeviceRecommendation recommendation);

  /** Whether the store answers right now. */
  boolean isReachable();
}
