package dev.setpoint.ingest.infrastructure.persistence.document;

import dev.setpoint.contracts.edgex.AdminState;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * A Core Metadata device service as ingest stores it; the name is the document id (unique).
 *
 * @param name the service's name
 * @param id its UUID
 * @param description optional
 * @param baseAddress optional http(s) address
 * @param adminState locked or not
 * @param labels its labels
 */
@Entity(DeviceServiceDocument.COLLECTION)
public record DeviceServiceDocument(
    @Id String name,
    @Column("id") String id,
    @Column("description") String description,
    @Column("baseAddress") String baseAddress,
    @Column("adminState") AdminState adminState,
    @Column("labels") List<String> labels) {

  /** The MongoDB collection of device services. */
  public static final String COLLECTION = "deviceServices";
}
