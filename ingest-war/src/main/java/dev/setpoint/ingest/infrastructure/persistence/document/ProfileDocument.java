package dev.setpoint.ingest.infrastructure.persistence.document;

import dev.setpoint.contracts.edgex.ReadWrite;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * A Core Metadata device profile as ingest stores it (see {@code
 * dev.setpoint.contracts.edgex.DeviceProfile} for the fields). The name is the document id, so
 * MongoDB itself keeps names unique, also between replicas posting at once.
 *
 * @param name the profile's name
 * @param id its UUID
 * @param manufacturer optional
 * @param model optional
 * @param description optional
 * @param labels its labels
 * @param deviceResources its resources, properties flattened in
 * @param deviceCommands its commands
 */
@Entity(ProfileDocument.COLLECTION)
public record ProfileDocument(
    @Id String name,
    @Column("id") String id,
    @Column("manufacturer") String manufacturer,
    @Column("model") String model,
    @Column("description") String description,
    @Column("labels") List<String> labels,
    @Column("deviceResources") List<Resource> deviceResources,
    @Column("deviceCommands") List<Command> deviceCommands) {

  /** The MongoDB collection of device profiles. */
  public static final String COLLECTION = "deviceProfiles";

  /**
   * A device resource with its properties flattened into it.
   *
   * @param name resource name
   * @param description optional
   * @param hidden EdgeX's isHidden
   * @param valueType EdgeX value type
   * @param readWrite access
   * @param units optional
   * @param minimum optional lower bound
   * @param maximum optional upper bound
   * @param defaultValue optional
   */
  @Embeddable
  public record Resource(
      @Column("name") String name,
      @Column("description") String description,
      @Column("isHidden") boolean hidden,
      @Column("valueType") String valueType,
      @Column("readWrite") ReadWrite readWrite,
      @Column("units") String units,
      @Column("minimum") Double minimum,
      @Column("maximum") Double maximum,
      @Column("defaultValue") String defaultValue) {}

  /**
   * A device command.
   *
   * @param name command name
   * @param hidden EdgeX's isHidden
   * @param readWrite access
   * @param resourceOperations the resources it reads or writes
   */
  @Embeddable
  public record Command(
      @Column("name") String name,
      @Column("isHidden") boolean hidden,
      @Column("readWrite") ReadWrite readWrite,
      @Column("resourceOperations") List<Operation> resourceOperations) {}

  /**
   * A resource operation of a command.
   *
   * @param deviceResource the resource
   * @param defaultValue optional
   */
  @Embeddable
  public record Operation(
      @Column("deviceResource") String deviceResource,
      @Column("defaultValue") String defaultValue) {}
}
