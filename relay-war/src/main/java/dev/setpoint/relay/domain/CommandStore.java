package dev.setpoint.relay.domain;

import dev.setpoint.contracts.telemetry.CommandMessage;

/** The latest command per device and resource, which ingest serves through Core Command. */
public interface CommandStore {

  /** What became of a command. */
  enum Outcome {
    /** Stored as the latest command. */
    STORED,
    /** This command id is already stored: a redelivery. */
    ALREADY_STORED,
    /** A command issued later is already stored; this one is older and not stored. */
    SUPERSEDED
  }

  /**
   * Stores the command as the latest of its device and resource, unless it was stored before or a
   * later one was, in one atomic write.
   *
   * @param valueType the resource's value type, from the profile
   */
  Outcome store(CommandMessage command, String valueType);
}
