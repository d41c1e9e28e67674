package dev.setpoint.analytics.domain.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which climate samples to read: one device's, or all devices of a site averaged together, between
 * two instants (both included); raw points, or means per {@code interval} when it is present.
 *
 * @param device the device, or null for the whole site
 * @param site the site; with a device it narrows the device's points to that site
 * @param from first instant
 * @param to last instant
 * @param interval bucket width of the downsampling; empty for raw points
 * @param limit most raw points returned (the newest)
 */
public record SeriesQuery(
    String device, String site, Instant from, Instant to, Optional<Duration> interval, int limit) {
  public SeriesQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(interval, "interval");
    if (device == null && site == null) {
      throw new IllegalArgumentException("a series needs a device or a site");
    }
  }
}
