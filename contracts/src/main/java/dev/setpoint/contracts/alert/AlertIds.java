package dev.setpoint.contracts.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert's id, derived from its kind, its subject (the room, device or hub it is raised for) and
 * the minute its condition started: the edge and the cloud, evaluating the same rules on the same
 * readings, name the same alert alike, so the cloud de-duplicates what both raised.
 */
public final class AlertIds {
  private AlertIds() {}

  /** A name-based (type 3) UUID of kind, subject and start (to the minute). */
  public static String of(AlertKind kind, String subject, Instant start) {
    long minute = Math.floorDiv(start.getEpochSecond(), 60);
    String name = kind.code() + '\n' + subject + '\n' + minute;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
