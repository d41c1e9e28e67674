package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.ingest.domain.EventFilter;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.LatestReadings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds a device's latest reading of a resource among its newest events in the edge buffer's batch
 * log, walked newest first by {@link MongoEventQueries}. Only the newest {@link #EVENTS_SEARCHED}
 * events of the device are looked at; a resource the device has not reported in that many counts as
 * not reported. A device that reported recently is found in the first windows whatever the backlog;
 * one silent for long costs a walk of the log (bounded memory, time growing with the log). Once its
 * events are forwarded and compacted, the device has no latest reading at the edge.
 */
@ApplicationScoped
public class LogLatestReadings implements LatestReadings {
  static final int EVENTS_SEARCHED = 20;

  private final EventQueries queries;

  @Inject
  public LogLatestReadings(EventQueries queries) {
    this.queries = queries;
  }

  /** For CDI's proxy only. */
  protected LogLatestReadings() {
    this.queries = null;
  }

  @Override
  public Optional<BufferedReading> latest(String deviceName, String resourceName) {
    return queries.events(new EventFilter.Device(deviceName), 0, EVENTS_SEARCHED).stream()
        .flatMap(event -> event.readings().stream())
        .filter(reading -> resourceName.equals(reading.resourceName()))
        .findFirst();
  }
}
