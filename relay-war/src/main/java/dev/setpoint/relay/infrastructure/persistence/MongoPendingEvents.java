package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer ({@link BufferedEvent#COLLECTION}) as the relay uses it. Events are read as
 * entities through JNoSQL, the same mapping ingest writes them with; the state changes of a whole
 * batch, which JNoSQL can only do one replace at a time, are one {@code updateMany} on the relay's
 * own {@link MongoClient}.
 *
 * <p>On the stack's mongo-java-server only unique indexes are real, so every query but a lookup by
 * {@code _id} scans the collection, and the drain's sorted query also holds every PENDING event in
 * the server's memory while it sorts. Hence nothing here but the drain itself and a periodic count
 * reads the whole backlog: readiness looks up one id, and the oldest event's age comes from the
 * drain's own reads.
 */
@ApplicationScoped
public class MongoPendingEvents implements PendingEvents {
  private static final String ID = "_id";
  private static final String STATE = "state";
  private static final String FORWARDED_AT = "forwardedAt";

  private final Template template;
  private final MongoCollection<Document> events;

  @Inject
  public MongoPendingEvents(
      Template template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database) {
    this.template = template;
    this.events = client.getDatabase(database).getCollection(BufferedEvent.COLLECTION);
  }

  /** For CDI's proxy only. */
  protected MongoPendingEvents() {
    this.template = null;
    this.events = null;
  }

  @Override
  public List<BufferedEvent> oldest(int limit) {
    return template
        .select(BufferedEvent.class)
        .where(STATE)
        .eq(EventState.PENDING.name())
        .orderBy("origin")
        .asc()
        .limit(limit)
        .result();
  }

  @Override
  public void markForwarded(List<String> eventIds, long atMillis) {
    if (eventIds.isEmpty()) {
      return;
    }
    // The state in the filter keeps a REJECTED or already FORWARDED event as it is.
    events.updateMany(
        Filters.and(Filters.in(ID, eventIds), pending()),
        Updates.combine(
            Updates.set(STATE, EventState.FORWARDED.name()), Updates.set(FORWARDED_AT, atMillis)));
  }

  @Override
  public void markRejected(BufferedEvent event) {
    template.update(event.rejected());
  }

  @Override
  public void purgeForwarded(long forwardedBeforeMillis) {
    events.deleteMany(
        Filters.and(
            Filters.eq(STATE, EventState.FORWARDED.name()),
            Filters.lt(FORWARDED_AT, forwardedBeforeMillis)));
  }

  @Override
  public long pendingCount() {
    return events.countDocuments(pending());
  }

  @Override
  public void probe() {
    events.find(Filters.eq(ID, "readiness-probe")).first();
  }

  private static Bson pending() {
    return Filters.eq(STATE, EventState.PENDING.name());
  }
}
