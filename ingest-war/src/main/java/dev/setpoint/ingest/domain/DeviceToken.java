package dev.setpoint.ingest.domain;

/**
 * A device's bearer token as the store keeps it: only its hash, never the token itself.
 *
 * @param hash SHA-256 of the token, lower-case hex; identifies the token
 * @param deviceName the device the token speaks for
 * @param createdAt when it was issued, milliseconds since the epoch
 * @param revokedAt when it was revoked, milliseconds since the epoch, or {@code null} while valid
 */
public record DeviceToken(String hash, String deviceName, long createdAt, Long revokedAt) {

  /** True until the token is revoked. */
  public boolean active() {
    return revokedAt == null;
  }

  /** The same token, revoked at {@code atMillis}. */
  public DeviceToken revoked(long atMillis) {
    return new DeviceToken(hash, deviceName, createdAt, atMillis);
  }
}
