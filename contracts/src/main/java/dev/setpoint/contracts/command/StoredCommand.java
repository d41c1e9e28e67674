package dev.setpoint.contracts.command;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * The latest value commanded for one resource of one device, e.g. the air conditioner's {@code
 * setpoint}. One document per device and resource ({@link #idOf}), so a device reading its commands
 * finds exactly one current value per resource.
 *
 * <p>Every writer stores it through {@link CommandUpsert}, by one ordering rule: a command replaces
 * the stored one unless the stored one was set later ({@code setAt}); at the same {@code setAt} the
 * later arrival wins. An operator's command may hold its value ({@code heldUntil}): until then only
 * another operator's command replaces it, whatever the recommender sends. {@code version} is
 * incremented by the store itself, atomically, so it counts the writes of this device and resource
 * exactly (a device that remembers the version it applied can tell a new command from a repeated
 * one), and a redelivered command ({@code commandId} already stored) is not stored twice.
 *
 * @param id {@link #idOf}(deviceName, resourceName)
 * @param deviceName the device
 * @param resourceName the device resource, writable in the device's profile
 * @param valueType the resource's EdgeX value type
 * @param value the value as text, checked with {@link dev.setpoint.contracts.edgex.CommandRules}
 * @param source who set it
 * @param setAt when it was set, milliseconds since the epoch: the operator's time of writing, or
 *     the time the cloud issued the command
 * @param version 1 for the first write of this device and resource, one more on each write
 * @param commandId unique per command: the cloud's {@code CommandMessage#commandId}, or one ingest
 *     makes for an operator's {@code PUT}
 * @param heldUntil for an operator's command, the time (milliseconds since the epoch) until which
 *     no command of another source replaces it; {@code null} (also for documents written before
 *     holds existed): no hold
 */
@Entity(StoredCommand.COLLECTION)
public record StoredCommand(
    @Id String id,
    @Column(StoredCommand.DEVICE_NAME) String deviceName,
    @Column(StoredCommand.RESOURCE_NAME) String resourceName,
    @Column(StoredCommand.VALUE_TYPE) String valueType,
    @Column(StoredCommand.VALUE) String value,
    @Column(StoredCommand.SOURCE) CommandSource source,
    @Column(StoredCommand.SET_AT) long setAt,
    @Column(StoredCommand.VERSION) long version,
    @Column(StoredCommand.COMMAND_ID) String commandId,
    @Column(StoredCommand.HELD_UNTIL) Long heldUntil) {

  /** The MongoDB collection of the latest commands. */
  public static final String COLLECTION = "commands";

  /** The document id's field. */
  public static final String ID = "_id";

  /** Field names: written here once, for the entity mapping and for {@link CommandUpsert}. */
  public static final String DEVICE_NAME = "deviceName";

  /** Field name of {@link #resourceName}. */
  public static final String RESOURCE_NAME = "resourceName";

  /** Field name of {@link #valueType}. */
  public static final String VALUE_TYPE = "valueType";

  /** Field name of {@link #value}. */
  public static final String VALUE = "value";

  /** Field name of {@link #source}. */
  public static final String SOURCE = "source";

  /** Field name of {@link #setAt}. */
  public static final String SET_AT = "setAt";

  /** Field name of {@link #version}. */
  public static final String VERSION = "version";

  /** Field name of {@link #commandId}. */
  public static final String COMMAND_ID = "commandId";

  /** Field name of {@link #heldUntil}. */
  public static final String HELD_UNTIL = "heldUntil";

  /**
   * The document id of a device's resource. EdgeX names never contain {@code /} (it is not an
   * unreserved URL character), so the id is unambiguous.
   */
  public static String idOf(String deviceName, String resourceName) {
    return deviceName + "/" + resourceName;
  }

  /**
   * A command to store; the store sets its {@code version}.
   *
   * @throws IllegalArgumentException when an id-forming field or the command id is missing
   */
  public static StoredCommand toStore(
      String deviceName,
      String resourceName,
      String valueType,
      String value,
      CommandSource source,
      long setAt,
      String commandId) {
    if (deviceName == null || resourceName == null || commandId == null || source == null) {
      throw new IllegalArgumentException("a command needs its device, resource, source and id");
    }
    return new StoredCommand(
        idOf(deviceName, resourceName),
        deviceName,
        resourceName,
        valueType,
        value,
        source,
        setAt,
        0,
        commandId,
        null);
  }

  /**
   * This command holding its value until {@code until} (milliseconds since the epoch): only an
   * operator's command may hold.
   *
   * @throws IllegalArgumentException when the command is not an operator's, or the hold ends before
   *     the command was set
   */
  public StoredCommand heldTo(long until) {
    if (source != CommandSource.OPERATOR) {
      throw new IllegalArgumentException("only an operator's command holds its value");
    }
    if (until <= setAt) {
      throw new IllegalArgumentException("a hold must end after the command is set");
    }
    return new StoredCommand(
        id, deviceName, resourceName, valueType, value, source, setAt, version, commandId, until);
  }

  /** Whether this command holds its value at {@code time} (milliseconds since the epoch). */
  public boolean heldAt(long time) {
    return heldUntil != null && heldUntil > time;
  }

  /**
   * The ordering rule as a predicate: whether this command, arriving now, replaces {@code current}:
   * the stored one was not set later, is not this command, and, unless this is an operator's
   * command, does not hold its value at this command's {@code setAt}. {@link CommandUpsert#filter}
   * is the same rule as a MongoDB filter.
   */
  public boolean replaces(StoredCommand current) {
    return current == null
        || (current.setAt() <= setAt
            && !commandId.equals(current.commandId())
            && (source == CommandSource.OPERATOR || !current.heldAt(setAt)));
  }
}
