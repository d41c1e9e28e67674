package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A device's bearer token as ingest stores it in MongoDB collection {@value #COLLECTION}: only its
 * hash, which is the document id, so authenticating a request is one lookup on the {@code _id}
 * index. Revoked tokens stay, with the time of revocation, as a record of what was valid when.
 *
 * @param hash SHA-256 of the token, lower-case hex
 * @param deviceName the device the token speaks for
 * @param createdAt when it was issued, milliseconds since the epoch
 * @param revokedAt when it was revoked, milliseconds since the epoch, or {@code null} while valid
 */
@Entity(DeviceTokenDocument.COLLECTION)
public record DeviceTokenDocument(
    @Id String hash,
    @Column("deviceName") String deviceName,
    @Column("createdAt") long createdAt,
    @Column("revokedAt") Long revokedAt) {

  /** The MongoDB collection of device tokens. */
  public static final String COLLECTION = "devicetokens";
}
