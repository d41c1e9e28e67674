package dev.setpoint.relay.domain;

import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.util.concurrent.CompletionStage;

/** Sends telemetry to the cloud. */
public interface TelemetryPublisher {

  /**
   * Publishes one message; the stage completes when the broker acknowledged it durably and fails
   * when it did not.
   */
  CompletionStage<Void> publish(TelemetryMessage message);
}
