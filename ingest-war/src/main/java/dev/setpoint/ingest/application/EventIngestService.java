package dev.setpoint.ingest.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.ingest.domain.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Accepts an EdgeX event: validated whole (its form, then against its device and profile), then
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
  private final Clock clock;

  @Inject
  public EventIngestService(
      EventStore store,
      EventConformance conformance,
      LatestReadingCache latest,
      EdgeAlertService alerts) {
    this(store, conformance, latest, alerts, Clock.systemUTC());
  }

  EventIngestService(
      EventStore store,
      EventConformance conformance,
      LatestReadingCache latest,
      EdgeAlertService alerts,
      Clock clock) {
    this.store = store;
    this.conformance = conformance;
    this.latest = latest;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected EventIngestService() {
    this(null, null, null, null, null);
  }

  /**
   * Stores the event and returns its id.
   *
   * @throws InvalidEventException the request breaks the contract or the profile; nothing stored
   * @throws UnknownMetadataException the device (or its profile) is not registered
   * @throws DeviceLockedException the device is locked
   * @throws dev.setpoint.ingest.domain.DuplicateEventException the id is already stored
   */
  public String add(AddEventRequest request, EventPath path) {
    BufferedEvent event =
        conformance.check(validator.validate(request, path, clock.millis()), path);
    store.add(event);
    latest.stored(event);
    alerts.stored(event); // never throws, never waits for the outbox
    return event.id();
  }
}
