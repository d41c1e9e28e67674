package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.ingest.config.LimitsConfig;
import dev.setpoint.ingest.domain.EventFilter;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.EventRetention;
import dev.setpoint.ingest.domain.Page;
import dev.setpoint.ingest.domain.ReadingFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * EdgeX Core Data's reads over the edge buffer, and its age purge. Parameters arrive as the raw
 * text of the path or query, are checked here (a fault names the parameter), and results come back
 * in EdgeX's shape.
 *
 * <p>The edge buffer is the collection the relay drains: it holds the events not yet forwarded and
 * the forwarded ones until the relay's retention ({@code setpoint.relay.retention.forwarded})
 * purges them. Reads see that window, not all history (that is in InfluxDB).
 */
@ApplicationScoped
public class EventQueryService {
  private final EventQueries queries;
  private final EventRetention retention;
  private final int maxResultCount;
  private final Clock clock;

  @Inject
  public EventQueryService(EventQueries queries, EventRetention retention, LimitsConfig limits) {
    this(queries, retention, limits.maxResultCount, Clock.systemUTC());
  }

  EventQueryService(
      EventQueries queries, EventRetention retention, int maxResultCount, Clock clock) {
    if (maxResultCount < 1) {
      throw new IllegalArgumentException(
          "setpoint.ingest.limits.max-result-count must be at least 1, was " + maxResultCount);
    }
    this.queries = queries;
    this.retention = retention;
    this.maxResultCount = maxResultCount;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected EventQueryService() {
    this.queries = null;
    this.retention = null;
    this.maxResultCount = 0;
    this.clock = null;
  }

  /**
   * The event with this id.
   *
   * @throws EventNotFoundException none stored
   */
  public Event event(String id) {
    return queries
        .event(id)
        .map(EdgeXViews::event)
        .orElseThrow(() -> new EventNotFoundException(id));
  }

  /** One page of every stored event. */
  public Page<Event> allEvents(String offset, String limit) {
    return events(new EventFilter.All(), offset, limit);
  }

  /** One page of one device's events. */
  public Page<Event> eventsOfDevice(String deviceName, String offset, String limit) {
    return events(new EventFilter.Device(deviceName), offset, limit);
  }

  /**
   * One page of the events taken between {@code start} and {@code end} (nanoseconds since the
   * epoch, both included).
   *
   * @throws InvalidQueryException start or end is not a non-negative int64, or end is before start
   */
  public Page<Event> eventsBetween(String start, String end, String offset, String limit) {
    long from = nanos("start", start);
    long to = nanos("end", end);
    if (to < from) {
      throw new InvalidQueryException(
          "path parameter end (" + to + ") must not be before start (" + from + ")");
    }
    return events(new EventFilter.OriginRange(from, to), offset, limit);
  }

  /** How many events are stored. */
  public long countEvents() {
    return queries.countEvents(new EventFilter.All());
  }

  /** How many events of this device are stored. */
  public long countEventsOfDevice(String deviceName) {
    return queries.countEvents(new EventFilter.Device(deviceName));
  }

  /** How many events are stored under this device profile. */
  public long countEventsOfProfile(String profileName) {
    return queries.countEvents(new EventFilter.Profile(profileName));
  }

  /** One page of one device's events stored under this device profile. */
  public Page<Event> eventsOfDevice(
      String deviceName, String profileName, String offset, String limit) {
    return events(new EventFilter.DeviceOfProfile(deviceName, profileName), offset, limit);
  }

  /** One page of one resource's readings, of the events stored under this device profile. */
  public Page<Reading> readingsOfResource(
      String resourceName, String profileName, String offset, String limit) {
    return readings(new ReadingFilter.ResourceOfProfile(resourceName, profileName), offset, limit);
  }

  /** One page of every stored reading. */
  public Page<Reading> allReadings(String offset, String limit) {
    return readings(new ReadingFilter.All(), offset, limit);
  }

  /** One page of one device's readings. */
  public Page<Reading> readingsOfDevice(String deviceName, String offset, String limit) {
    return readings(new ReadingFilter.Device(deviceName), offset, limit);
  }

  /** One page of one resource's readings, of any device. */
  public Page<Reading> readingsOfResource(String resourceName, String offset, String limit) {
    return readings(new ReadingFilter.Resource(resourceName), offset, limit);
  }

  /**
   * Deletes the settled (forwarded, or set aside as unforwardable) events taken more than {@code
   * age} nanoseconds ago; events still to forward are kept whatever their age, as the relay has not
   * delivered them yet.
   *
   * @return how many were deleted
   * @throws InvalidQueryException age is not a non-negative int64
   */
  public long deleteSettledOlderThan(String age) {
    long nanos = nanos("age", age);
    Instant now = clock.instant();
    long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    return retention.deleteSettledBefore(nowNanos - nanos);
  }

  private Page<Event> events(EventFilter filter, String offset, String limit) {
    PageRequest page = PageRequest.parse(offset, limit, maxResultCount);
    long total = queries.countEvents(filter);
    List<Event> events = new ArrayList<>();
    if (page.offset() < total) {
      queries
          .events(filter, page.offset(), page.limit())
          .forEach(e -> events.add(EdgeXViews.event(e)));
    }
    return new Page<>(events, total);
  }

  private Page<Reading> readings(ReadingFilter filter, String offset, String limit) {
    PageRequest page = PageRequest.parse(offset, limit, maxResultCount);
    long total = queries.countReadings(filter);
    List<Reading> readings = new ArrayList<>();
    if (page.offset() < total) {
      queries
          .readings(filter, page.offset(), page.limit())
          .forEach(r -> readings.add(EdgeXViews.reading(r)));
    }
    return new Page<>(readings, total);
  }

  private static long nanos(String name, String text) {
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(
          "path parameter "
              + name
              + " must be an integer number of nanoseconds, was '"
              + text
              + "'");
    }
    if (value < 0) {
      throw new InvalidQueryException(
          "path parameter " + name + " must not be negative, was " + value);
    }
    return value;
  }
}
