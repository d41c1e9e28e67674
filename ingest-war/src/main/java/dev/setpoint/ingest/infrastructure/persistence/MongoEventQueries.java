package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.ingest.domain.EventFilter;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.EventRetention;
import dev.setpoint.ingest.domain.PendingEventCounts;
import dev.setpoint.ingest.domain.ReadingFilter;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.StoredReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the edge buffer with the MongoDB driver on ingest's one client. Events sort by origin
 * descending, readings by their own origin descending (after {@code $unwind}); see {@link
 * EdgeBufferIndexes} for the index behind each query. Documents map through {@link EventDocuments},
 * the same layout JNoSQL reads and writes.
 */
@ApplicationScoped
public class MongoEventQueries implements EventQueries, EventRetention, PendingEventCounts {
  private static final Bson NEWEST_FIRST = Sorts.descending(EventDocuments.ORIGIN);
  private static final String READING = EventDocuments.READINGS;
  private static final String READING_ORIGIN = READING + "." + EventDocuments.ORIGIN;
  private static final String READING_RESOURCE = READING + "." + EventDocuments.RESOURCE_NAME;

  private final MongoCollection<Document> events;

  @Inject
  public MongoEventQueries(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    this.events = client.getDatabase(database).getCollection(BufferedEvent.COLLECTION);
  }

  /** For CDI's proxy only. */
  protected MongoEventQueries() {
    this.events = null;
  }

  @Override
  public Optional<BufferedEvent> event(String id) {
    return read(
        () ->
            Optional.ofNullable(events.find(Filters.eq(EventDocuments.ID, id)).first())
                .map(EventDocuments::fromDocument));
  }

  @Override
  public List<BufferedEvent> events(EventFilter filter, int offset, int limit) {
    if (limit == 0) {
      return List.of();
    }
    return read(
        () -> {
          List<BufferedEvent> page = new ArrayList<>(limit);
          for (Document document :
              events.find(match(filter)).sort(NEWEST_FIRST).skip(offset).limit(limit)) {
            page.add(EventDocuments.fromDocument(document));
          }
          return page;
        });
  }

  @Override
  public long countEvents(EventFilter filter) {
    return read(
        () ->
            filter instanceof EventFilter.All
                // Unfiltered, the collection's own count: no scan on either server.
                ? events.estimatedDocumentCount()
                : events.countDocuments(match(filter)));
  }

  @Override
  public List<StoredReading> readings(ReadingFilter filter, int offset, int limit) {
    if (limit == 0) {
      return List.of();
    }
    List<Bson> pipeline = new ArrayList<>(unwound(filter));
    pipeline.add(Aggregates.sort(Sorts.descending(READING_ORIGIN, EventDocuments.ORIGIN)));
    pipeline.add(Aggregates.skip(offset));
    pipeline.add(Aggregates.limit(limit));
    pipeline.add(
        Aggregates.project(
            new Document(EventDocuments.DEVICE_NAME, 1)
                .append(EventDocuments.PROFILE_NAME, 1)
                .append(READING, 1)));
    return read(
        () -> {
          List<StoredReading> page = new ArrayList<>(limit);
          for (Document document : events.aggregate(pipeline)) {
            page.add(reading(document));
          }
          return page;
        });
  }

  @Override
  public long countReadings(ReadingFilter filter) {
    List<Bson> pipeline = new ArrayList<>(unwound(filter));
    pipeline.add(Aggregates.count("n"));
    return read(
        () -> {
          Document result = events.aggregate(pipeline).first();
          return result == null ? 0L : ((Number) result.get("n")).longValue();
        });
  }

  /** Served by the {@code deviceName_state} index on MongoDB; a scan on mongo-java-server. */
  @Override
  public long pendingOf(String deviceName) {
    return read(
        () ->
            events.countDocuments(
                Filters.and(
                    Filters.eq(EventDocuments.DEVICE_NAME, deviceName),
                    Filters.eq(EventDocuments.STATE, EventState.PENDING.name()))));
  }

  @Override
  public long deleteSettledBefore(long originBeforeNanos) {
    return using(
        () ->
            events
                .deleteMany(
                    Filters.and(
                        Filters.in(
                            EventDocuments.STATE,
                            EventState.FORWARDED.name(),
                            EventState.REJECTED.name()),
                        Filters.lt(EventDocuments.ORIGIN, originBeforeNanos)))
                .getDeletedCount(),
        "purged");
  }

  private static Bson match(EventFilter filter) {
    return switch (filter) {
      case EventFilter.All all -> Filters.empty();
      case EventFilter.Device device -> Filters.eq(EventDocuments.DEVICE_NAME, device.deviceName());
      case EventFilter.Profile profile ->
          Filters.eq(EventDocuments.PROFILE_NAME, profile.profileName());
      case EventFilter.DeviceOfProfile device ->
          Filters.and(
              Filters.eq(EventDocuments.DEVICE_NAME, device.deviceName()),
              Filters.eq(EventDocuments.PROFILE_NAME, device.profileName()));
      case EventFilter.OriginRange range ->
          Filters.and(
              Filters.gte(EventDocuments.ORIGIN, range.startNanos()),
              Filters.lte(EventDocuments.ORIGIN, range.endNanos()));
    };
  }

  /**
   * The events that hold matching readings, one document per reading. Filtering the events first
   * keeps {@code $unwind} to the events that matter (and lets a real MongoDB use an index).
   */
  private static List<Bson> unwound(ReadingFilter filter) {
    Bson unwind = Aggregates.unwind("$" + READING);
    return switch (filter) {
      case ReadingFilter.All all -> List.of(unwind);
      case ReadingFilter.Device device ->
          List.of(
              Aggregates.match(Filters.eq(EventDocuments.DEVICE_NAME, device.deviceName())),
              unwind);
      case ReadingFilter.Resource resource ->
          List.of(
              Aggregates.match(Filters.eq(READING_RESOURCE, resource.resourceName())),
              unwind,
              Aggregates.match(Filters.eq(READING_RESOURCE, resource.resourceName())));
      case ReadingFilter.ResourceOfProfile resource ->
          List.of(
              Aggregates.match(
                  Filters.and(
                      Filters.eq(EventDocuments.PROFILE_NAME, resource.profileName()),
                      Filters.eq(READING_RESOURCE, resource.resourceName()))),
              unwind,
              Aggregates.match(Filters.eq(READING_RESOURCE, resource.resourceName())));
    };
  }

  private static StoredReading reading(Document document) {
    return new StoredReading(
        document.getString(EventDocuments.DEVICE_NAME),
        document.getString(EventDocuments.PROFILE_NAME),
        EventDocuments.readingFrom(
            document.get(READING) instanceof Document reading ? reading : new Document()));
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
