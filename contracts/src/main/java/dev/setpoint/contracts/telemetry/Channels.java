package dev.setpoint.contracts.telemetry;

/**
 * MicroProfile Reactive Messaging channel names. Producer and consumer channels have different
 * names so that the relay and analytics can share one server (the EAR) without a clash.
 */
public final class Channels {
  /** The relay's outgoing channel, bound to {@link Topics#TELEMETRY}. */
  public static final String TELEMETRY_OUT = "telemetry-out";

  /** Analytics' incoming channel, bound to {@link Topics#TELEMETRY}. */
  public static final String TELEMETRY_IN = "telemetry-in";

  private Channels() {}
}
