package dev.setpoint.analytics.domain;

import dev.setpoint.contracts.telemetry.CommandMessage;
import java.util.concurrent.CompletionStage;

/** Sends commands to devices, through the edge relay. */
public interface CommandPublisher {
  /** Completes when the transport has the command; fails when it refused it. */
  CompletionStage<Void> publish(CommandMessage command);
}
