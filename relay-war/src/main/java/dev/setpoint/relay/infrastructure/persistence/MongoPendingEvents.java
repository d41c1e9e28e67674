package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.relay.domain.Backlog;
import dev.setpoint.relay.domain.PendingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.List;
import java.util.OptionalLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer ({@link BufferedEvent#COLLECTION}) as the relay uses it. Events are read as
 * entities through JNoSQL, the same mapping ingest writes them with; the state changes of a whole
 * batch, which JNoSQL can only do one replace at a time, are one {@code updateMany} on the relay's
 * own {@link MongoClient}.
 */
@ApplicationScoped
public class MongoPendingEvents implements PendingEvents {
  private static final String ID = "_id";
  private static final String STATE = "state";
  private static final String RECEIVED_AT = "receivedAt";
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
  public Backlog backlog() {
    long pending = events.countDocuments(pending());
    if (pending == 0) {
      return Backlog.EMPTY;
    }
    Document oldest =
        events
            .find(pending())
            .projection(Projections.include(RECEIVED_AT))
            .sort(Sorts.ascending(RECEIVED_AT))
            .limit(1)
            .first();
    Number receivedAt = oldest == null ? null : oldest.get(RECEIVED_AT, Number.class);
    return new Backlog(
        pending,
        receivedAt == null ? OptionalLong.empty() : OptionalLong.of(receivedAt.longValue()));
  }

  private static Bson pending() {
    return Filters.eq(STATE, EventState.PENDING.name());
  }
}
