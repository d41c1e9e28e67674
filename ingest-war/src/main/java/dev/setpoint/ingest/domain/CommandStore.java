package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.StoredCommand;
import java.util.Optional;

/** The latest commanded value per device resource; see {@link StoredCommand}. */
public interface CommandStore {

  /** The latest command for the device's resource. */
  Optional<StoredCommand> latest(String deviceName, String resourceName);

  /**
   * Stores the command as the latest for its device and resource, replacing the previous one.
   *
   * @throws StoreUnavailableException the store cannot be reached
   */
  void put(StoredCommand command);

  /** Forgets every command of the device (it was deleted); returns how many there were. */
  long deleteDevice(String deviceName);
}
