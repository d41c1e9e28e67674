package dev.setpoint.contracts.telemetry;

/**
 * MicroProfile Reactive Messaging channel names, all outgoing (the WARs read their topics with
 * contracts' {@code KafkaRecordLoop}, not through channels). Each has its own name so that the
 * relay and analytics can share one server (the EAR) without a clash.
 */
public final class Channels {
  /** The relay's outgoing channel, bound to {@link Topics#TELEMETRY}. */
  public static final String TELEMETRY_OUT = "telemetry-out";

  /** Analytics' outgoing channel of recommendations, bound to {@link Topics#COMMANDS}. */
  public static final String COMMANDS_OUT = "commands-out";

  /**
   * The relay's outgoing channel of the edge outbox: each message goes to the topic it names
   * ({@link Topics#AUDIT} or {@link Topics#ALERTS}).
   */
  public static final String OUTBOX_OUT = "outbox-out";

  /**
   * Analytics' outgoing channel of undecodable telemetry, bound to {@link Topics#TELEMETRY_DLQ}.
   */
  public static final String TELEMETRY_DLQ_OUT = "telemetry-dlq-out";

  /** The relay's outgoing channel of undecodable commands, bound to {@link Topics#COMMANDS_DLQ}. */
  public static final String COMMANDS_DLQ_OUT = "commands-dlq-out";

  private Channels() {}
}
