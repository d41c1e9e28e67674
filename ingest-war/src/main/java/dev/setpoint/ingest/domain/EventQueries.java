package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.BufferedEvent;
import java.util.List;
import java.util.Optional;

/**
 * The edge buffer as readers see it: the events ingest stored and the relay has not yet compacted
 * (those still to forward, and forwarded ones within the relay's retention). Lists are newest
 * stored first (a device's own events newest origin first, as its agent sends them in order).
 *
 * <p>Every method throws {@link StoreUnavailableException} when the store cannot be read.
 */
public interface EventQueries {

  /**
   * The event with this id, if stored.
   *
   * @throws SearchBoundedException not found within the newest events the lookup may read
   */
  Optional<BufferedEvent> event(String id);

  /** One page of the events that match, newest first. */
  List<BufferedEvent> events(EventFilter filter, int offset, int limit);

  /** How many events match. */
  long countEvents(EventFilter filter);

  /** One page of the readings that match, newest first (by the reading's own origin). */
  List<StoredReading> readings(ReadingFilter filter, int offset, int limit);

  /** How many readings match. */
  long countReadings(ReadingFilter filter);
}
