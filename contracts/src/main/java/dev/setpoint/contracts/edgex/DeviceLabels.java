package dev.setpoint.contracts.edgex;

import java.util.List;
import java.util.Optional;

/**
 * What Setpoint reads from a device's Core Metadata labels. Ingest applies it when it stores an
 * event, so the site and the room travel with the event to the relay and on to analytics.
 */
public final class DeviceLabels {
  /** The label that places a device at a site: {@code site:<name>}. */
  public static final String SITE_PREFIX = "site:";

  /**
   * The label that places a device in a room: {@code room:<name>}. A room has one or more inlet
   * sensors and one controllable cooling setpoint, and the recommender decides per room. Room names
   * are unique across sites (name them {@code <site>-<room>} where sites share room names).
   */
  public static final String ROOM_PREFIX = "room:";

  private DeviceLabels() {}

  /** The site the device's first {@code site:<name>} label names, or empty when it has none. */
  public static Optional<String> site(List<String> labels) {
    return first(labels, SITE_PREFIX);
  }

  /** The room the device's first {@code room:<name>} label names, or empty when it has none. */
  public static Optional<String> room(List<String> labels) {
    return first(labels, ROOM_PREFIX);
  }

  private static Optional<String> first(List<String> labels, String prefix) {
    if (labels != null) {
      for (String label : labels) {
        if (label != null && label.startsWith(prefix) && label.length() > prefix.length()) {
          return Optional.of(label.substring(prefix.length()));
        }
      }
    }
    return Optional.empty();
  }
}
