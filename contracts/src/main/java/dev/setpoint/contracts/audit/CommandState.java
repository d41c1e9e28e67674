package dev.setpoint.contracts.audit;

import dev.setpoint.contracts.command.StoredCommand;
import java.time.Instant;

/**
 * A device resource's commanded value as the audit trail shows it before and after a command:
 * ingest records an operator's, the relay the recommender's, in the same shape.
 *
 * @param value the value as text
 * @param source {@code OPERATOR} or {@code RECOMMENDER}
 * @param setAt when it was set
 * @param heldUntil until when an operator holds it, or null
 * @param commandId the command's id
 */
public record CommandState(
    String value, String source, Instant setAt, Instant heldUntil, String commandId) {

  public static CommandState of(StoredCommand command) {
    return new CommandState(
        command.value(),
        command.source() == null ? null : command.source().name(),
        Instant.ofEpochMilli(command.setAt()),
        command.heldUntil() == null ? null : Instant.ofEpochMilli(command.heldUntil()),
        command.commandId());
  }

  /**
   * The change a stored command made: {@link AuditKind#HOLD} for one that holds its value, else
   * {@link AuditKind#COMMAND}; {@link AuditAction#CREATE} for the resource's first command, else
   * {@link AuditAction#UPDATE}; the target is the device and resource ({@code ac-1/setpoint}).
   *
   * @param before the command stored before, or null
   * @param after the command stored
   */
  public static AuditChange change(StoredCommand before, StoredCommand after) {
    return AuditChange.of(
            after.heldUntil() != null ? AuditKind.HOLD : AuditKind.COMMAND,
            before == null ? AuditAction.CREATE : AuditAction.UPDATE,
            StoredCommand.idOf(after.deviceName(), after.resourceName()))
        .withDevice(after.deviceName())
        .withBefore(before == null ? null : of(before))
        .withAfter(of(after));
  }
}
