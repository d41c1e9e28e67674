package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * A device profile as stored. The name is the document id, so MongoDB itself keeps names unique,
 * also between replicas posting at once.
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

  static final String COLLECTION = "deviceProfiles";

  /** A device resource with its properties flattened into it. */
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

  /** A device command. */
  @Embeddable
  public record Command(
      @Column("name") String name,
      @Column("isHidden") boolean hidden,
      @Column("readWrite") ReadWrite readWrite,
      @Column("resourceOperations") List<Operation> resourceOperations) {}

  /** A resource operation of a command. */
  @Embeddable
  public record Operation(
      @Column("deviceResource") String deviceResource,
      @Column("defaultValue") String defaultValue) {}

  static ProfileDocument of(DeviceProfile p) {
    return new ProfileDocument(
        p.name(),
        p.id(),
        p.manufacturer(),
        p.model(),
        p.description(),
        p.labels(),
        p.deviceResources().stream()
            .map(
                r ->
                    new Resource(
                        r.name(),
                        r.description(),
                        r.isHidden(),
                        r.properties().valueType(),
                        r.properties().readWrite(),
                        r.properties().units(),
                        r.properties().minimum(),
                        r.properties().maximum(),
                        r.properties().defaultValue()))
            .toList(),
        p.deviceCommands().stream()
            .map(
                c ->
                    new Command(
                        c.name(),
                        c.isHidden(),
                        c.readWrite(),
                        c.resourceOperations().stream()
                            .map(o -> new Operation(o.deviceResource(), o.defaultValue()))
                            .toList()))
            .toList());
  }

  DeviceProfile toProfile() {
    return new DeviceProfile(
        id,
        name,
        manufacturer,
        model,
        description,
        Documents.list(labels),
        Documents.list(deviceResources).stream()
            .map(
                r ->
                    new DeviceResource(
                        r.name(),
                        r.description(),
                        r.hidden(),
                        new ResourceProperties(
                            r.valueType(),
                            r.readWrite(),
                            r.units(),
                            r.minimum(),
                            r.maximum(),
                            r.defaultValue())))
            .toList(),
        Documents.list(deviceCommands).stream()
            .map(
                c ->
                    new DeviceCommand(
                        c.name(),
                        c.hidden(),
                        c.readWrite(),
                        Documents.list(c.resourceOperations()).stream()
                            .map(o -> new ResourceOperation(o.deviceResource(), o.defaultValue()))
                            .toList()))
            .toList());
  }
}
