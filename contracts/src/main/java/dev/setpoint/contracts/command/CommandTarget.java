package dev.setpoint.contracts.command;

import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;
import java.util.Optional;

/**
 * What a command to a device may set: the read-only view of a registered device that ingest
 * publishes for the relay, so that the relay checks the cloud's commands ({@link
 * dev.setpoint.contracts.edgex.CommandRules}) without reading ingest's device and profile
 * collections. Ingest writes it whenever it registers, changes or deletes a device, and for every
 * device at startup; the relay only reads it. A device with no document here is not registered at
 * this hub.
 *
 * @param deviceName the device's name (the document id)
 * @param locked whether its admin state is {@code LOCKED}: it takes no commands
 * @param resources its profile's visible resources that a command may set
 * @param updatedAt when ingest last wrote it, milliseconds since the epoch
 */
@Entity(CommandTarget.COLLECTION)
public record CommandTarget(
    @Id String deviceName,
    @Column("locked") boolean locked,
    @Column("resources") List<Resource> resources,
    @Column("updatedAt") long updatedAt) {

  /** The MongoDB collection of the view. */
  public static final String COLLECTION = "commandTargets";

  /**
   * A writable resource.
   *
   * @param name the resource's name
   * @param valueType its EdgeX value type
   * @param minimum its minimum, or {@code null}
   * @param maximum its maximum, or {@code null}
   */
  @Embeddable
  public record Resource(
      @Column("name") String name,
      @Column("valueType") String valueType,
      @Column("minimum") Double minimum,
      @Column("maximum") Double maximum) {}

  /** The writable resource of this name. */
  public Optional<Resource> resource(String name) {
    return resources == null
        ? Optional.empty()
        : resources.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
