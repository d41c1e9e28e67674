package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.ingest.config.DeviceLimitsConfig;
import dev.setpoint.ingest.domain.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Accepts an EdgeX event: while the buffer's volume has room ({@link BufferVolumeGuard}), within
 * its device's rate ({@link DeviceLimits}), validated whole (its form, its origins within the
 * {@link OriginWindow}, then against its device and profile), within its device's PENDING cap, then
 * stored {@code PENDING} for the relay, its readings offered to the {@link LatestReadingCache} that
 * Core Command reads, and its room judged for the edge's own alerts ({@link EdgeAlertService}).
 */
@ApplicationScoped
public class EventIngestService {
  private final EventStore store;
  private final EventValidator validator = new EventValidator();
  private final EventConformance conformance;
  private final LatestReadingCache latest;
  private final EdgeAlertService alerts;
  private final DeviceLimits limits;
  private final OriginWindow origins;
  private final BufferVolumeGuard volume;
  private final Clock clock;

  @Inject
  public EventIngestService(
      EventStore store,
      EventConformance conformance,
      LatestReadingCache latest,
      EdgeAlertService alerts,
      DeviceLimits limits,
      DeviceLimitsConfig config,
      BufferVolumeGuard volume) {
    this(
        store,
        conformance,
        latest,
        alerts,
        limits,
        new OriginWindow(config.originFutureTolerance, config.originMaxAge),
        volume,
        Clock.systemUTC());
  }

  EventIngestService(
      EventStore store,
      EventConformance conformance,
      LatestReadingCache latest,
      EdgeAlertService alerts,
      DeviceLimits limits,
      OriginWindow origins,
      BufferVolumeGuard volume,
      Clock clock) {
    this.store = store;
    this.conformance = conformance;
    this.latest = latest;
    this.alerts = alerts;
    this.limits = limits;
    this.origins = origins;
    this.volume = volume;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected EventIngestService() {
    this(null, null, null, null, null, null, null, null);
  }

  /**
   * Refuses an event write while the buffer's volume is full, before anything else is done for it
   * (the v1 API asks first, so that a refused event registers no device).
   *
   * @throws BufferVolumeFullException the buffer's volume is above its high-water mark
   */
  public void admitVolume() {
    volume.admit();
  }

  /**
   * Stores the event and returns its id.
   *
   * @throws BufferVolumeFullException the buffer's volume is above its high-water mark; nothing
   *     stored (checked first: a refusal costs the device no share of its rate)
   * @throws DeviceRateLimitedException the device posts faster than its rate; nothing stored
   * @throws InvalidEventException the request breaks the contract or the profile, or an origin lies
   *     outside the window; nothing stored
   * @throws UnknownMetadataException the device (or its profile) is not registered
   * @throws DeviceLockedException the device is locked
   * @throws PendingCapReachedException the device has its cap of events waiting; nothing stored
   * @throws dev.setpoint.ingest.domain.DuplicateEventException the id is already stored
   */
  public String add(AddEventRequest request, EventPath path) {
    volume.admit();
    limits.admitPost(path.deviceName());
    long receivedAt = clock.millis();
    BufferedEvent valid = validator.validate(request, path, receivedAt);
    origins.check(valid, receivedAt);
    BufferedEvent event = conformance.check(valid, path);
    limits.admitPending(event.deviceName());
    store.add(event);
    limits.stored(event.deviceName());
    latest.stored(event);
    alerts.stored(event); // never throws, never waits for the outbox
    return event.id();
  }
}
