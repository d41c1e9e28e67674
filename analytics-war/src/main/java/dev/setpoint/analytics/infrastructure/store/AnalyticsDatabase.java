package dev.setpoint.analytics.infrastructure.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexModel;
import dev.setpoint.analytics.config.StoreConfig;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManagerFactory;

/**
 * Analytics' own MongoDB database ({@code setpoint.analytics.store.*}) through JNoSQL's document
 * API: one client for the stores that keep the cloud's state (the rooms' modes, their measurement
 * plans).
 *
 * <p>Analytics builds this manager on a client of its own rather than injecting JNoSQL's: in the
 * EAR, JNoSQL's producers are shared with ingest and the relay and read their database setting, not
 * analytics'.
 */
@ApplicationScoped
public class AnalyticsDatabase {
  private final MongoClient client;
  private final String database;
  private final MongoDBDocumentManagerFactory factory;
  private final DatabaseManager manager;

  @Inject
  public AnalyticsDatabase(StoreConfig config) {
    this.client = MongoClients.create(config.url);
    this.database = config.database;
    this.factory = new MongoDBDocumentConfiguration().get(client);
    this.manager = factory.apply(config.database);
  }

  /** For CDI's proxy only. */
  protected AnalyticsDatabase() {
    this.client = null;
    this.database = null;
    this.factory = null;
    this.manager = null;
  }

  /**
   * The latest document (by {@code order}, descending) whose {@code field} equals {@code value}, as
   * {@code read} makes it; empty when there is none or {@code read} refuses it.
   */
  public <T> Optional<T> latest(
      String collection,
      String field,
      String value,
      String order,
      Function<CommunicationEntity, Optional<T>> read,
      String what) {
    return page(
            SelectQuery.builder().from(collection).where(CriteriaCondition.eq(field, value)),
            Sort.desc(order),
            0,
            1,
            read,
            what)
        .stream()
        .findFirst();
  }

  /**
   * Of an append-only collection, the latest readable document (by {@code order}) of each key, in
   * the order their keys first appeared.
   */
  public <T> List<T> latestOfEach(
      String collection,
      String order,
      Function<CommunicationEntity, Optional<T>> read,
      Function<T, String> key,
      String what) {
    return call(
        what,
        () -> {
          Map<String, T> latest = new LinkedHashMap<>();
          manager
              .select(SelectQuery.select().from(collection).orderBy(order).asc().build())
              .map(read)
              .flatMap(Optional::stream)
              .forEach(t -> latest.put(key.apply(t), t));
          return new ArrayList<>(latest.values());
        });
  }

  /**
   * Runs {@code operation} on the database's document manager, its driver failures turned into
   * {@link ControlStoreUnavailableException} with {@code what} in the message: for the queries the
   * helpers here do not cover (filters, paging, replacing a document by its id).
   */
  public <T> T with(String what, Function<DatabaseManager, T> operation) {
    return call(what, () -> operation.apply(manager));
  }

  /**
   * Creates a collection's indexes (JNoSQL's document API has none, so through the driver);
   * creating one that exists with the same keys and options does nothing.
   */
  public void ensureIndexes(String collection, List<IndexModel> indexes, String what) {
    call(what, () -> client.getDatabase(database).getCollection(collection).createIndexes(indexes));
  }

  /**
   * One page of the documents {@code query} selects, in {@code order}, as {@code read} makes them
   * (a document it refuses is skipped): for the paged listings (alerts, the audit trail).
   *
   * @param page from 0
   */
  public <T> List<T> page(
      SelectQuery.QueryBuilder query,
      Sort<?> order,
      int page,
      int size,
      Function<CommunicationEntity, Optional<T>> read,
      String what) {
    return with(
        what,
        m ->
            m.select(query.sort(order).skip((long) page * size).limit(size).build())
                .map(read)
                .flatMap(Optional::stream)
                .toList());
  }

  /** A query of the documents of {@code collection} every condition matches (all, for none). */
  public static SelectQuery.QueryBuilder matching(
      String collection, List<CriteriaCondition> conditions) {
    SelectQuery.QueryBuilder b = SelectQuery.builder().from(collection);
    if (conditions.size() == 1) {
      b.where(conditions.getFirst());
    } else if (!conditions.isEmpty()) {
      b.where(CriteriaCondition.and(conditions.toArray(CriteriaCondition[]::new)));
    }
    return b;
  }

  /** Adds the field unless its value is null: absent fields are omitted, never stored as null. */
  public static void putIfPresent(CommunicationEntity entity, String field, Object value) {
    if (value != null) {
      entity.add(field, value);
    }
  }

  /** Inserts one document (atomic on every MongoDB). */
  public void insert(CommunicationEntity entity, String what) {
    call(
        what,
        () -> {
          manager.insert(entity);
          return null;
        });
  }

  /**
   * Runs a store operation, turning the driver's failures into {@link
   * ControlStoreUnavailableException} with {@code what} in its message.
   */
  private static <T> T call(String what, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoException | IllegalStateException e) {
      throw new ControlStoreUnavailableException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    manager.close();
    factory.close();
    client.close();
  }
}
