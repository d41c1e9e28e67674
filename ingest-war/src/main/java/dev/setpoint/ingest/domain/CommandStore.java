package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import java.util.Optional;

/** The latest commanded value per device resource; see {@link StoredCommand}. */
public interface CommandStore {

  /** The latest command for the device's resource. */
  Optional<StoredCommand> latest(String deviceName, String resourceName);

  /**
   * Stores the command as the latest for its device and resource by the one ordering rule every
   * writer follows ({@link CommandUpsert}): unless a command set later is stored already.
   *
   * @param command a command made with {@link StoredCommand#toStore}; the store sets its version
   * @return whether it was stored, already stored, or superseded
   * @throws StoreUnavailableException the store cannot be reached
   */
  CommandUpsert.Outcome store(StoredCommand command);

  /** Forgets every command of the device (it was deleted); returns how many there were. */
  long deleteDevice(String deviceName);
}
