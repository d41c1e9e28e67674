package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.edgex.AutoEvent;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.ingest.infrastructure.persistence.document.DeviceDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.DeviceServiceDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.ProfileDocument;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the EdgeX metadata records and ingest's documents stored for them ({@code document}). */
final class MetadataDocuments {
  private MetadataDocuments() {}

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
                    new ProfileDocument.Resource(
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
                    new ProfileDocument.Command(
                        c.name(),
                        c.isHidden(),
                        c.readWrite(),
                        c.resourceOperations().stream()
                            .map(
                                o ->
                                    new ProfileDocument.Operation(
                                        o.deviceResource(), o.defaultValue()))
                            .toList()))
            .toList());
  }

  static DeviceProfile profile(ProfileDocument d) {
    return new DeviceProfile(
        d.id(),
        d.name(),
        d.manufacturer(),
        d.model(),
        d.description(),
        Documents.list(d.labels()),
        Documents.list(d.deviceResources()).stream()
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
        Documents.list(d.deviceCommands()).stream()
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

  static DeviceServiceDocument of(DeviceService s) {
    return new DeviceServiceDocument(
        s.name(), s.id(), s.description(), s.baseAddress(), s.adminState(), s.labels());
  }

  static DeviceService service(DeviceServiceDocument d) {
    return new DeviceService(
        d.id(),
        d.name(),
        d.description(),
        d.baseAddress(),
        d.adminState(),
        Documents.list(d.labels()));
  }

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
                    new DeviceDocument.Protocol(
                        p.getKey(),
                        p.getValue().entrySet().stream()
                            .map(e -> new DeviceDocument.Property(e.getKey(), e.getValue()))
                            .toList()))
            .toList(),
        d.autoEvents().stream()
            .map(a -> new DeviceDocument.Schedule(a.interval(), a.onChange(), a.sourceName()))
            .toList());
  }

  static Device device(DeviceDocument d) {
    Map<String, Map<String, String>> protocols = new LinkedHashMap<>();
    for (DeviceDocument.Protocol protocol : Documents.list(d.protocols())) {
      Map<String, String> properties = new LinkedHashMap<>();
      for (DeviceDocument.Property property : Documents.list(protocol.properties())) {
        properties.put(property.key(), property.value());
      }
      protocols.put(protocol.name(), properties);
    }
    List<AutoEvent> autoEvents =
        Documents.list(d.autoEvents()).stream()
            .map(a -> new AutoEvent(a.interval(), a.onChange(), a.sourceName()))
            .toList();
    return new Device(
        d.id(),
        d.name(),
        d.description(),
        d.adminState(),
        d.operatingState(),
        d.serviceName(),
        d.profileName(),
        Documents.list(d.labels()),
        d.location() == null ? null : json(d.location()),
        protocols,
        autoEvents);
  }

  private static JsonValue json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
