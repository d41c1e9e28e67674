package dev.setpoint.contracts.telemetry;

import dev.setpoint.contracts.command.CommandSource;

/**
 * A command from the cloud to one device, as it travels on {@link Topics#COMMANDS} (JSON, keyed by
 * device name): set one resource of the device, e.g. the air conditioner's {@code setpoint}, to a
 * value. The relay checks it against the device's profile and stores it as the device's latest
 * command, which the device reads through Core Command.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param commandId unique per command; the relay applies a command id once, so a redelivery is not
 *     a second command
 * @param device the device's name
 * @param resource the writable resource of its profile
 * @param value the value as text, as EdgeX carries values ({@code "24.5"})
 * @param source who issued it
 * @param issuedAt when it was issued, milliseconds since the epoch
 * @param reason why, for people (e.g. the recommender's decision), or {@code null}
 * @param modelVersion the version of the model behind a recommendation, or {@code null}
 */
public record CommandMessage(
    int schemaVersion,
    String commandId,
    String device,
    String resource,
    String value,
    CommandSource source,
    long issuedAt,
    String reason,
    String modelVersion) {

  /** The version this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;
}
