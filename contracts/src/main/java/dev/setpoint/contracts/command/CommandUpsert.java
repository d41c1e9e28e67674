package dev.setpoint.contracts.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way to store a {@link StoredCommand}: an atomic upsert, as plain maps that either WAR
 * wraps in its MongoDB driver's {@code Document}. The filter matches the device resource's document
 * only when the command {@link StoredCommand#replaces replaces} it; when it does not match, the
 * upsert's insert collides with the existing {@code _id}, and that duplicate-key refusal is the
 * answer "already stored or superseded" ({@link #outcome}). No read-then-write: writers on several
 * replicas, and an operator racing the recommender, are ordered by the store, by one rule.
 */
public final class CommandUpsert {

  /** What became of a command given to the store. */
  public enum Outcome {
    /** Stored as the latest command of its device resource. */
    STORED,
    /** This command id is the one already stored: a redelivery, nothing changed. */
    ALREADY_STORED,
    /** A command set later is stored; this one was not. */
    SUPERSEDED,
    /** An operator's command holds its value past this command's time; this one was not stored. */
    HELD
  }

  private CommandUpsert() {}

  /**
   * The upsert's filter: this resource's document, holding neither this command nor a later one,
   * nor (unless this is an operator's command) a value held past this command's time. A missing or
   * null {@code heldUntil} is no hold.
   */
  public static Map<String, Object> filter(StoredCommand command) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put(StoredCommand.ID, command.id());
    filter.put(StoredCommand.COMMAND_ID, Map.of("$ne", command.commandId()));
    filter.put(StoredCommand.SET_AT, Map.of("$lte", command.setAt()));
    if (command.source() != CommandSource.OPERATOR) {
      Map<String, Object> noHold = new LinkedHashMap<>();
      noHold.put(StoredCommand.HELD_UNTIL, null);
      filter.put(
          "$or",
          List.of(noHold, Map.of(StoredCommand.HELD_UNTIL, Map.of("$lte", command.setAt()))));
    }
    return filter;
  }

  /** The upsert's update: every field set, the version incremented by the store. */
  public static Map<String, Object> update(StoredCommand command) {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put(StoredCommand.DEVICE_NAME, command.deviceName());
    set.put(StoredCommand.RESOURCE_NAME, command.resourceName());
    set.put(StoredCommand.VALUE_TYPE, command.valueType());
    set.put(StoredCommand.VALUE, command.value());
    set.put(StoredCommand.SOURCE, command.source().name());
    set.put(StoredCommand.SET_AT, command.setAt());
    set.put(StoredCommand.COMMAND_ID, command.commandId());
    set.put(StoredCommand.HELD_UNTIL, command.heldUntil());
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("$set", set);
    update.put("$inc", Map.of(StoredCommand.VERSION, 1L));
    return update;
  }

  /**
   * The outcome of an upsert the store refused as a duplicate key.
   *
   * @param command the command that was not stored
   * @param storedCommandId the command id of the document the store holds, or {@code null}
   * @param storedHeldUntil that document's hold, or {@code null}
   */
  public static Outcome outcomeOfRefusal(
      StoredCommand command, String storedCommandId, Long storedHeldUntil) {
    if (command.commandId().equals(storedCommandId)) {
      return Outcome.ALREADY_STORED;
    }
    boolean held = storedHeldUntil != null && storedHeldUntil > command.setAt();
    return held && command.source() != CommandSource.OPERATOR ? Outcome.HELD : Outcome.SUPERSEDED;
  }

  /**
   * The outcome of an upsert the store refused as a duplicate key, from the document the store
   * holds for the resource (a driver's {@code Document} is such a map), or {@code null}.
   */
  public static Outcome outcomeOfRefusal(StoredCommand command, Map<String, ?> stored) {
    Object storedId = stored == null ? null : stored.get(StoredCommand.COMMAND_ID);
    Object held = stored == null ? null : stored.get(StoredCommand.HELD_UNTIL);
    return outcomeOfRefusal(
        command,
        storedId == null ? null : storedId.toString(),
        held instanceof Number n ? n.longValue() : null);
  }
}
