package dev.setpoint.relay.domain;

import dev.setpoint.contracts.command.CommandTarget;
import java.util.Optional;

/**
 * What a command may set on each device registered at this edge: the read-only view ingest
 * publishes ({@link CommandTarget}). The relay reads nothing else of ingest's metadata.
 */
public interface CommandTargets {

  /** The device's view, or empty when no device of this name is registered here. */
  Optional<CommandTarget> target(String deviceName);
}
