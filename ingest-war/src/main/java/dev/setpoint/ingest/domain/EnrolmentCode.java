package dev.setpoint.ingest.domain;

import java.util.List;

/**
 * An enrolment code as the store keeps it: its hash, never the code, and what it allows. A code
 * either names its devices (each may enrol once, and may be an existing device whose token is then
 * rotated) or is a batch code good for {@code remaining} new devices of any name; either way it is
 * restricted to its profiles (and service, when it names one) and ends at {@code expiresAt}.
 *
 * @param hash SHA-256 of the code, lower-case hex; identifies the code in the store
 * @param id the code's public id, for listing and revoking (not a secret)
 * @param description the operator's note, or null
 * @param createdBy the operator who made it
 * @param createdAt when, milliseconds since the epoch
 * @param expiresAt when it stops working, milliseconds since the epoch
 * @param service the device service its devices must belong to, or null for any
 * @param profiles the device profiles its devices may have (at least one)
 * @param devices the devices it names, or empty for a batch code
 * @param remaining how many devices may still enrol with it
 * @param used the devices that enrolled with it so far
 * @param revokedAt when an operator revoked it, milliseconds since the epoch, or null
 */
public record EnrolmentCode(
    String hash,
    String id,
    String description,
    String createdBy,
    long createdAt,
    long expiresAt,
    String service,
    List<String> profiles,
    List<String> devices,
    int remaining,
    List<String> used,
    Long revokedAt) {

  /** What a code's state is, as an operator's listing shows it. */
  public enum State {
    ACTIVE,
    USED,
    EXPIRED,
    REVOKED
  }

  public EnrolmentCode {
    profiles = List.copyOf(profiles);
    devices = List.copyOf(devices);
    used = List.copyOf(used);
  }

  /** True for a code that names its devices, false for a batch code. */
  public boolean named() {
    return !devices.isEmpty();
  }

  /** Its state at {@code nowMillis}: revoked first, then used up, then expired. */
  public State state(long nowMillis) {
    if (revokedAt != null) {
      return State.REVOKED;
    }
    if (remaining <= 0) {
      return State.USED;
    }
    return nowMillis < expiresAt ? State.ACTIVE : State.EXPIRED;
  }
}
