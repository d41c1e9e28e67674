package dev.setpoint.contracts.buffer;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * The latest value commanded for one resource of one device, e.g. the air conditioner's {@code
 * setpoint}. One document per device and resource ({@link #idOf}), replaced on every write, so a
 * device reading its commands finds exactly one current value per resource.
 *
 * <p>Ingest writes it for an operator's Core Command {@code PUT}; the relay writes it for a
 * recommendation from the cloud. Both check the value against the device's profile first (type,
 * range, writable, with {@code dev.setpoint.contracts.edgex.ValueTypes}) and store the new value
 * with {@code version} one higher; {@code setAt} is the operator's time of writing, or the time the
 * cloud issued the command. The last write wins; {@code version} counts the writes of this device
 * and resource, so a device that remembers the version it applied can tell a new command from a
 * repeated one.
 *
 * @param id {@link #idOf}(deviceName, resourceName)
 * @param deviceName the device
 * @param resourceName the device resource, writable in the device's profile
 * @param valueType the resource's EdgeX value type
 * @param value the value as text, parsed and range-checked against the profile
 * @param source who set it
 * @param setAt when it was set, milliseconds since the epoch
 * @param version 1 for the first write of this device and resource, one more on each write
 * @param commandId the id of the cloud command stored ({@code CommandMessage#commandId}), so a
 *     redelivered command is not stored twice; {@code null} for an operator's {@code PUT}
 */
@Entity(StoredCommand.COLLECTION)
public record StoredCommand(
    @Id String id,
    @Column("deviceName") String deviceName,
    @Column("resourceName") String resourceName,
    @Column("valueType") String valueType,
    @Column("value") String value,
    @Column("source") CommandSource source,
    @Column("setAt") long setAt,
    @Column("version") long version,
    @Column("commandId") String commandId) {

  /** The MongoDB collection of the latest commands. */
  public static final String COLLECTION = "commands";

  /**
   * The document id of a device's resource. EdgeX names never contain {@code /} (it is not an
   * unreserved URL character), so the id is unambiguous.
   */
  public static String idOf(String deviceName, String resourceName) {
    return deviceName + "/" + resourceName;
  }
}
