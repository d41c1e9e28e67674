package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EdgeLog;
import dev.setpoint.ingest.config.BufferConfig;
import dev.setpoint.ingest.domain.EventFilter;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.EventRetention;
import dev.setpoint.ingest.domain.ReadingFilter;
import dev.setpoint.ingest.domain.SearchBoundedException;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.StoredReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the edge buffer's batch log for EdgeX's Core Data API by walking it newest first: {@code
 * $in} windows of {@link #WINDOW} sequence numbers, from the newest reserved one down to the last
 * one the relay compacted, each window's events filtered in memory and paged. Memory is bounded by
 * one window and one page, never by the backlog; time grows with how far back the page lies (the
 * newest pages come from the first window) and, for a count, with the whole log. Counting one
 * device's events, or all of them, reads only the batches' summaries. A lookup by id walks too,
 * bounded ({@link #event}). Events come newest first in the order they were stored (a device's own
 * events in the order it sent them), readings likewise with an event's readings by their origin,
 * newest first.
 *
 * <p>The log holds what has not been compacted: every event still to forward and the forwarded ones
 * within the relay's retention ({@code setpoint.relay.retention.forwarded}); an event forwarded
 * longer ago is gone from the edge (the cloud's history has it), and events the relay set aside as
 * unforwardable are in {@link EdgeLog#REJECTED}, not here.
 */
@ApplicationScoped
public class MongoEventQueries implements EventQueries, EventRetention {
  /** Batch documents per compaction window. */
  static final int WINDOW = BatchLog.WINDOW;

  private final BatchLog log;
  private final long lookupMaxEvents;

  @Inject
  public MongoEventQueries(
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      BufferConfig buffer) {
    this.log = new BatchLog(client, database);
    this.lookupMaxEvents = buffer.lookupMaxEvents;
  }

  MongoEventQueries(BatchLog log, long lookupMaxEvents) {
    this.log = log;
    this.lookupMaxEvents = lookupMaxEvents;
  }

  /** For CDI's proxy only. */
  protected MongoEventQueries() {
    this.log = null;
    this.lookupMaxEvents = 0;
  }

  /**
   * Walks the log newest first until the event turns up, for at most {@code lookupMaxEvents} events
   * ({@code setpoint.ingest.buffer.lookup.max-events}); stopping there is a {@link
   * SearchBoundedException} (404 saying the search was bounded), reaching the log's start an empty
   * answer. There is no index by event id: a document per event would cost the writes a page
   * rewrite per event (see {@link BatchLog}).
   */
  @Override
  public Optional<BufferedEvent> event(String id) {
    BufferedEvent[] found = {null};
    long[] read = {0};
    boolean stopped =
        read(
            () ->
                log.walk(
                    null,
                    (seq, batch, state) -> {
                      for (BufferedEvent event : EventDocuments.eventsOf(batch, state)) {
                        if (id.equals(event.id())) {
                          found[0] = event;
                          return false;
                        }
                      }
                      read[0] += EventDocuments.number(batch, EdgeLog.COUNT);
                      return read[0] < lookupMaxEvents;
                    }));
    if (found[0] != null) {
      return Optional.of(found[0]);
    }
    if (stopped) {
      throw new SearchBoundedException(
          "no event with id "
              + id
              + " among the newest "
              + read[0]
              + " events of the edge buffer; the search by id stops there"
              + " (setpoint.ingest.buffer.lookup.max-events) and older events were not searched");
    }
    return Optional.empty();
  }

  @Override
  public List<BufferedEvent> events(EventFilter filter, int offset, int limit) {
    if (limit == 0) {
      return List.of();
    }
    Predicate<BufferedEvent> matches = matcher(filter);
    List<BufferedEvent> page = new ArrayList<>(Math.min(limit, 1_000));
    long[] skip = {offset};
    read(
        () -> {
          walk(
              null,
              (seq, batch, state) -> {
                List<BufferedEvent> events = EventDocuments.eventsOf(batch, state);
                for (int i = events.size() - 1; i >= 0; i--) {
                  BufferedEvent event = events.get(i);
                  if (!matches.test(event)) {
                    continue;
                  }
                  if (skip[0] > 0) {
                    skip[0]--;
                  } else {
                    page.add(event);
                    if (page.size() >= limit) {
                      return false;
                    }
                  }
                }
                return true;
              });
          return null;
        });
    return page;
  }

  @Override
  public long countEvents(EventFilter filter) {
    long[] count = {0};
    switch (filter) {
      case EventFilter.All all ->
          read(
              () ->
                  walk(
                      Projections.include(EdgeLog.COUNT),
                      (seq, batch, state) -> {
                        count[0] += EventDocuments.number(batch, EdgeLog.COUNT);
                        return true;
                      }));
      case EventFilter.Device device ->
          read(
              () ->
                  walk(
                      Projections.include(EdgeLog.DEVICES),
                      (seq, batch, state) -> {
                        count[0] +=
                            EventDocuments.devicesOf(batch).getOrDefault(device.deviceName(), 0);
                        return true;
                      }));
      default -> {
        Predicate<BufferedEvent> matches = matcher(filter);
        read(
            () ->
                walk(
                    null,
                    (seq, batch, state) -> {
                      count[0] +=
                          EventDocuments.eventsOf(batch, state).stream().filter(matches).count();
                      return true;
                    }));
      }
    }
    return count[0];
  }

  @Override
  public List<StoredReading> readings(ReadingFilter filter, int offset, int limit) {
    if (limit == 0) {
      return List.of();
    }
    List<StoredReading> page = new ArrayList<>(Math.min(limit, 1_000));
    long[] skip = {offset};
    read(
        () ->
            walk(
                null,
                (seq, batch, state) -> {
                  List<BufferedEvent> events = EventDocuments.eventsOf(batch, state);
                  for (int i = events.size() - 1; i >= 0; i--) {
                    for (StoredReading reading : readingsOf(events.get(i), filter)) {
                      if (skip[0] > 0) {
                        skip[0]--;
                      } else {
                        page.add(reading);
                        if (page.size() >= limit) {
                          return false;
                        }
                      }
                    }
                  }
                  return true;
                }));
    return page;
  }

  @Override
  public long countReadings(ReadingFilter filter) {
    long[] count = {0};
    read(
        () ->
            walk(
                null,
                (seq, batch, state) -> {
                  for (BufferedEvent event : EventDocuments.eventsOf(batch, state)) {
                    count[0] += readingsOf(event, filter).size();
                  }
                  return true;
                }));
    return count[0];
  }

  /**
   * Deletes whole batch documents the relay has forwarded whose every event was taken before the
   * given time, oldest first, in windows; and the set-aside events taken before it. A batch still
   * to forward is never touched.
   */
  @Override
  public long deleteSettledBefore(long originBeforeNanos) {
    return using(
        () -> {
          BatchLog.Cursor cursor = log.cursor();
          long deleted = 0;
          for (long lo = cursor.compacted() + 1; lo <= cursor.seq(); lo += WINDOW) {
            TreeMap<Long, Document> window =
                log.read(lo, Math.min(cursor.seq(), lo + WINDOW - 1), null);
            List<Long> seqs = new ArrayList<>();
            long events = 0;
            for (Map.Entry<Long, Document> batch : window.entrySet()) {
              List<BufferedEvent> stored = EventDocuments.eventsOf(batch.getValue(), null);
              if (stored.stream().allMatch(e -> e.origin() < originBeforeNanos)) {
                seqs.add(batch.getKey());
                events += stored.size();
              }
            }
            if (!seqs.isEmpty()) {
              log.batches.deleteMany(Filters.in(EdgeLog.ID, seqs));
              deleted += events;
            }
          }
          deleted +=
              log.rejected
                  .deleteMany(
                      Filters.lt(EdgeLog.EVENT + "." + EventDocuments.ORIGIN, originBeforeNanos))
                  .getDeletedCount();
          return deleted;
        },
        "purged");
  }

  /** Visits the batch documents newest first (see {@link BatchLog#walk}). */
  private Void walk(Bson projection, BatchLog.Visitor visitor) {
    log.walk(projection, visitor);
    return null;
  }

  private static Predicate<BufferedEvent> matcher(EventFilter filter) {
    return switch (filter) {
      case EventFilter.All all -> event -> true;
      case EventFilter.Device device -> event -> device.deviceName().equals(event.deviceName());
      case EventFilter.Profile profile ->
          event -> profile.profileName().equals(event.profileName());
      case EventFilter.DeviceOfProfile device ->
          event ->
              device.deviceName().equals(event.deviceName())
                  && device.profileName().equals(event.profileName());
      case EventFilter.OriginRange range ->
          event -> event.origin() >= range.startNanos() && event.origin() <= range.endNanos();
    };
  }

  /** The event's readings that match, newest origin first. */
  private static List<StoredReading> readingsOf(BufferedEvent event, ReadingFilter filter) {
    boolean eventMatches =
        switch (filter) {
          case ReadingFilter.All all -> true;
          case ReadingFilter.Device device -> device.deviceName().equals(event.deviceName());
          case ReadingFilter.Resource resource -> true;
          case ReadingFilter.ResourceOfProfile resource ->
              resource.profileName().equals(event.profileName());
        };
    if (!eventMatches) {
      return List.of();
    }
    String resourceName =
        switch (filter) {
          case ReadingFilter.Resource resource -> resource.resourceName();
          case ReadingFilter.ResourceOfProfile resource -> resource.resourceName();
          default -> null;
        };
    List<StoredReading> readings = new ArrayList<>();
    for (BufferedReading reading : event.readings()) {
      if (resourceName == null || resourceName.equals(reading.resourceName())) {
        readings.add(new StoredReading(event.deviceName(), event.profileName(), reading));
      }
    }
    readings.sort(Comparator.comparingLong((StoredReading r) -> r.reading().origin()).reversed());
    return readings;
  }

  private static <T> T read(Supplier<T> query) {
    return using(query, "read");
  }

  private static <T> T using(Supplier<T> operation, String what) {
    try {
      return operation.get();
    } catch (MongoException e) {
      throw new StoreUnavailableException(
          "the edge buffer (MongoDB) could not be " + what + ": " + e.getMessage(), e);
    }
  }
}
