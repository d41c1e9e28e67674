package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.DeviceService;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/** A device service as stored; the name is the document id (unique). */
@Entity(DeviceServiceDocument.COLLECTION)
public record DeviceServiceDocument(
    @Id String name,
    @Column("id") String id,
    @Column("description") String description,
    @Column("baseAddress") String baseAddress,
    @Column("adminState") AdminState adminState,
    @Column("labels") List<String> labels) {

  static final String COLLECTION = "deviceServices";

  static DeviceServiceDocument of(DeviceService s) {
    return new DeviceServiceDocument(
        s.name(), s.id(), s.description(), s.baseAddress(), s.adminState(), s.labels());
  }

  DeviceService toService() {
    return new DeviceService(
        id, name, description, baseAddress, adminState, Documents.list(labels));
  }
}
