package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.ingest.domain.DeviceToken;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A device token in MongoDB collection {@value #COLLECTION}. The token's hash is the document id,
 * so authenticating a request is one lookup on the {@code _id} index. Revoked tokens stay, with the
 * time of revocation, as a record of what was valid when.
 */
@Entity(DeviceTokenDocument.COLLECTION)
public record DeviceTokenDocument(
    @Id String hash,
    @Column("deviceName") String deviceName,
    @Column("createdAt") long createdAt,
    @Column("revokedAt") Long revokedAt) {

  /** The MongoDB collection of device tokens. */
  public static final String COLLECTION = "devicetokens";

  static DeviceTokenDocument of(DeviceToken token) {
    return new DeviceTokenDocument(
        token.hash(), token.deviceName(), token.createdAt(), token.revokedAt());
  }

  DeviceToken toToken() {
    return new DeviceToken(hash, deviceName, createdAt, revokedAt);
  }
}
