package dev.setpoint.ingest.application;

import java.time.Instant;

/**
 * A device token just issued: the only moment the token itself exists outside the device. Hand it
 * to the operator once; it cannot be read back.
 *
 * @param deviceName the device it speaks for
 * @param token the bearer token
 * @param createdAt when it was issued
 */
public record IssuedDeviceToken(String deviceName, String token, Instant createdAt) {

  /** Never prints the token, so it cannot end up in a log by accident. */
  @Override
  public String toString() {
    return "IssuedDeviceToken[deviceName=" + deviceName + ", createdAt=" + createdAt + "]";
  }
}
