package dev.setpoint.analytics.domain.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which climate samples to read: one device's, or all devices of a site averaged together, between
 * two instants (both included); raw points, or means per {@code interval} when it is present, read
 * from the stored {@code resolution} (raw points or a roll-up no wider than the interval).
 *
 * @param device the device, or null for the whole site
 * @param site the site; with a device it narrows the device's points to that site
 * @param from first instant
 * @param to last instant
 * @param interval bucket width of the downsampling; empty for raw points
 * @param limit most raw points returned (the newest)
 * @param resolution the stored copy read: raw points, or the 1-minute or 1-hour roll-up
 */
public record SeriesQuery(
    String device,
    String site,
    Instant from,
    Instant to,
    Optional<Duration> interval,
    int limit,
    Resolution resolution) {
  public SeriesQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(resolution, "resolution");
    if (resolution != Resolution.RAW
        && interval.map(i -> i.compareTo(resolution.step()) < 0).orElse(true)) {
      throw new IllegalArgumentException(
          "a roll-up is read in buckets at least as wide as its own");
    }
    if (device == null && site == null) {
      throw new IllegalArgumentException("a series needs a device or a site");
    }
  }
}
