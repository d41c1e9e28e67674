package dev.setpoint.device.config;

/**
 * Where the device's site is ({@code device.site-location}), for the outdoor weather its simulated
 * rooms feel: the same place the relay's {@code setpoint.relay.weather.sites} gives the site, so
 * that the rooms feel the weather the relay reports.
 *
 * @param latitude degrees north, −90 to 90
 * @param longitude degrees east, −180 to 180
 */
public record SiteLocation(double latitude, double longitude) {
  public SiteLocation {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude out of −90…90: " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude out of −180…180: " + longitude);
    }
  }
}
