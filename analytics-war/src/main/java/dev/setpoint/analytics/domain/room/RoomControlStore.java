package dev.setpoint.analytics.domain.room;

import java.util.List;
import java.util.Optional;

/**
 * Where the rooms' modes live: analytics' own cloud-side store (MongoDB through JNoSQL), so a mode
 * survives a restart and every analytics server of a group reads the same one.
 */
public interface RoomControlStore {
  /**
   * The room's stored control, or empty when no operator set one.
   *
   * @throws ControlStoreUnavailableException when the store cannot be read
   */
  Optional<RoomControl> find(String room);

  /**
   * Every stored control.
   *
   * @throws ControlStoreUnavailableException when the store cannot be read
   */
  List<RoomControl> all();

  /**
   * Stores the control, replacing the room's previous one.
   *
   * @throws ControlStoreUnavailableException when the store did not take it
   */
  void save(RoomControl control);
}
