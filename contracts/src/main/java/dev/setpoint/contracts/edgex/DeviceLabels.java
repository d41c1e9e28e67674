package dev.setpoint.contracts.edgex;

import java.util.List;
import java.util.Optional;

/**
 * What Setpoint reads from a device's Core Metadata labels. Ingest applies it when it stores an
 * event, so the site travels with the event to the relay and on to analytics.
 */
public final class DeviceLabels {
  /** The label that places a device at a site: {@code site:<name>}. */
  public static final String SITE_PREFIX = "site:";

  private DeviceLabels() {}

  /** The site the device's first {@code site:<name>} label names, or empty when it has none. */
  public static Optional<String> site(List<String> labels) {
    if (labels != null) {
      for (String label : labels) {
        if (label != null
            && label.startsWith(SITE_PREFIX)
            && label.length() > SITE_PREFIX.length()) {
          return Optional.of(label.substring(SITE_PREFIX.length()));
        }
      }
    }
    return Optional.empty();
  }
}
