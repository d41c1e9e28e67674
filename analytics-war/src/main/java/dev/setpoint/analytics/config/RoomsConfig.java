package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rooms, their modes and their setpoints' rate-of-change limits ({@code
 * setpoint.analytics.rooms.*}, README "Rooms and modes").
 */
@Dependent
public class RoomsConfig {
  /** The mode of a room no operator set one for: {@code auto}, {@code advisory} or {@code off}. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.rooms.default-mode", defaultValue = "auto")
  public String defaultMode;

  /**
   * How often the stored modes are read again, so a mode set through another analytics server of
   * the group applies here too.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.rooms.refresh-interval", defaultValue = "PT30S")
  public Duration refreshInterval;

  /** How often the rooms whose decision is due are decided for. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.rooms.tick", defaultValue = "PT1S")
  public Duration tick;

  /**
   * The most a room's setpoint may change within any 60 minutes, °C: ASHRAE's limit on the inlet's
   * rate of change.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.rooms.max-change-per-hour", defaultValue = "20")
  public double maxChangePerHour;

  /** The same for a room an operator marked as holding tape, °C (ASHRAE's tape limit). */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.rooms.tape-max-change-per-hour", defaultValue = "5")
  public double tapeMaxChangePerHour;
}
