package dev.setpoint.ingest.infrastructure.persistence.document;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.OperatingState;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * A device as stored; the name is the document id (unique), service and profile names are fields so
 * that a profile or service in use can be found. The location is free-form JSON in EdgeX, so it is
 * kept as its JSON text.
 */
@Entity(DeviceDocument.COLLECTION)
public record DeviceDocument(
    @Id String name,
    @Column("id") String id,
    @Column("description") String description,
    @Column("adminState") AdminState adminState,
    @Column("operatingState") OperatingState operatingState,
    @Column("serviceName") String serviceName,
    @Column("profileName") String profileName,
    @Column("labels") List<String> labels,
    @Column("location") String location,
    @Column("protocols") List<Protocol> protocols,
    @Column("autoEvents") List<Schedule> autoEvents) {

  /** The MongoDB collection of devices. */
  public static final String COLLECTION = "devices";

  /**
   * One protocol and its properties, in the order given.
   *
   * @param name protocol name
   * @param properties its properties
   */
  @Embeddable
  public record Protocol(
      @Column("name") String name, @Column("properties") List<Property> properties) {}

  /**
   * One protocol property.
   *
   * @param key property name
   * @param value its value as text
   */
  @Embeddable
  public record Property(@Column("key") String key, @Column("value") String value) {}

  /**
   * An auto event.
   *
   * @param interval Go duration
   * @param onChange send only on change
   * @param sourceName resource or command read
   */
  @Embeddable
  public record Schedule(
      @Column("interval") String interval,
      @Column("onChange") boolean onChange,
      @Column("sourceName") String sourceName) {}
}
