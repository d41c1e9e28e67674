package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A stored EdgeX v1 addressable. It has no password field, so a password a client sends can never
 * be stored or echoed.
 *
 * @param name unique name (the document id)
 * @param id the id answered when it was created (a UUID)
 * @param protocol e.g. {@code HTTP}
 * @param address host
 * @param port TCP port, or {@code null}
 * @param path path
 * @param publisher publisher
 * @param user user name
 * @param topic topic
 */
@Entity("addressables")
public record LegacyAddressableDocument(
    @Id String name,
    @Column("id") String id,
    @Column("protocol") String protocol,
    @Column("address") String address,
    @Column("port") Integer port,
    @Column("path") String path,
    @Column("publisher") String publisher,
    @Column("user") String user,
    @Column("topic") String topic) {}
