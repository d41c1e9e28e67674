package dev.setpoint.analytics.infrastructure.rooms;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.room.RoomModes;
import dev.setpoint.analytics.config.RoomsConfig;
import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.analytics.domain.room.RoomControlStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The application's one {@link RoomModes} over the {@link RoomControlStore}, with the configured
 * default mode (a value that names no mode stops the deployment: a typo must not put every room in
 * {@code auto}).
 */
@ApplicationScoped
public class RoomModesProducer {
  private final RoomModes modes;

  @Inject
  public RoomModesProducer(RoomControlStore store, AuditTrail audit, RoomsConfig config) {
    ControlMode defaultMode =
        ControlMode.fromCode(config.defaultMode.strip())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "setpoint.analytics.rooms.default-mode '"
                            + config.defaultMode
                            + "' is not auto, advisory or off"));
    this.modes = new RoomModes(store, audit, defaultMode, Clock.systemUTC());
  }

  /** For CDI's proxy only. */
  protected RoomModesProducer() {
    this.modes = null;
  }

  @Produces
  RoomModes roomModes() {
    return modes;
  }
}
