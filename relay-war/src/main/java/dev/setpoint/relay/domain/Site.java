package dev.setpoint.relay.domain;

import java.util.Objects;

/**
 * A place whose outdoor weather the relay attaches to its devices' telemetry.
 *
 * @param name the site's name, as it appears in telemetry (e.g. {@code gwangju})
 * @param latitude degrees north, −90 to 90
 * @param longitude degrees east, −180 to 180
 */
public record Site(String name, double latitude, double longitude) {
  public Site {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || !name.equals(name.strip()) || name.contains(":") || name.contains(",")) {
      throw new IllegalArgumentException(
          "site name must be non-blank, without ':' or ',': " + name);
    }
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("site " + name + ": latitude out of −90…90: " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "site " + name + ": longitude out of −180…180: " + longitude);
    }
  }
}
