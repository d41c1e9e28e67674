package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.room.RoomModes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * Which rooms the API knows: a room a device labelled {@code room:<name>} (or named so) reported
 * for since analytics started, one with a stored mode, or one with stored energy hours; and the 404
 * for any other.
 */
@ApplicationScoped
public class KnownRooms {
  private final Recommender recommender;
  private final RoomModes modes;
  private final EnergyService energy;

  @Inject
  public KnownRooms(Recommender recommender, RoomModes modes, EnergyService energy) {
    this.recommender = recommender;
    this.modes = modes;
    this.energy = energy;
  }

  /** For CDI's proxy only. */
  protected KnownRooms() {
    this.recommender = null;
    this.modes = null;
    this.energy = null;
  }

  public boolean known(String room) {
    return recommender.room(room).isPresent()
        || modes.control(room).isPresent()
        || energy.hasRoom(room);
  }

  static Response notFound(String room) {
    return ApiError.response(
        404,
        "room '"
            + room
            + "' is not known: no device labelled room:"
            + room
            + " (or named so) has reported since analytics started, and no mode or energy is"
            + " stored for it",
        "room");
  }
}
