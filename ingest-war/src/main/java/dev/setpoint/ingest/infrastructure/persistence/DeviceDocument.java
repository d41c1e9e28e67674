package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.OperatingState;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  static final String COLLECTION = "devices";

  /** One protocol and its properties, in the order given. */
  @Embeddable
  public record Protocol(
      @Column("name") String name, @Column("properties") List<Property> properties) {}

  /** One protocol property. */
  @Embeddable
  public record Property(@Column("key") String key, @Column("value") String value) {}

  /** An auto event. */
  @Embeddable
  public record Schedule(
      @Column("interval") String interval,
      @Column("onChange") boolean onChange,
      @Column("sourceName") String sourceName) {}

  static DeviceDocument of(Device d) {
    return new DeviceDocument(
        d.name(),
        d.id(),
        d.description(),
        d.adminState(),
        d.operatingState(),
        d.serviceName(),
        d.profileName(),
        d.labels(),
        d.location() == null ? null : d.location().toString(),
        d.protocols().entrySet().stream()
            .map(
                p ->
                    new Protocol(
                        p.getKey(),
                        p.getValue().entrySet().stream()
                            .map(e -> new Property(e.getKey(), e.getValue()))
                            .toList()))
            .toList(),
        d.autoEvents().stream()
            .map(a -> new Schedule(a.interval(), a.onChange(), a.sourceName()))
            .toList());
  }

  Device toDevice() {
    Map<String, Map<String, String>> protocolMap = new LinkedHashMap<>();
    for (Protocol protocol : Documents.list(protocols)) {
      Map<String, String> properties = new LinkedHashMap<>();
      for (Property property : Documents.list(protocol.properties())) {
        properties.put(property.key(), property.value());
      }
      protocolMap.put(protocol.name(), properties);
    }
    return new Device(
        id,
        name,
        description,
        adminState,
        operatingState,
        serviceName,
        profileName,
        Documents.list(labels),
        location == null ? null : parse(location),
        protocolMap,
        Documents.list(autoEvents).stream()
            .map(a -> new AutoEvent(a.interval(), a.onChange(), a.sourceName()))
            .toList());
  }

  private static jakarta.json.JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
