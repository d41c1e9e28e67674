package dev.setpoint.relay.domain;

import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import java.util.Optional;

/**
 * The latest command per device and resource, which ingest serves through Core Command. Written by
 * the one rule every writer follows ({@link CommandUpsert}).
 */
public interface CommandStore {

  /**
   * Stores the command as the latest of its device and resource, unless it was stored before or a
   * later one was, in one atomic write.
   *
   * @param command made with {@link StoredCommand#toStore}; the store sets its version
   */
  CommandUpsert.Outcome store(StoredCommand command);

  /** The command stored for the device's resource, if any. */
  Optional<StoredCommand> latest(String deviceName, String resourceName);
}
