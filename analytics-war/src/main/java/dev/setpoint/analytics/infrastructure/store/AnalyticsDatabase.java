package dev.setpoint.analytics.infrastructure.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.setpoint.analytics.config.StoreConfig;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
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
  private final MongoDBDocumentManagerFactory factory;
  private final DatabaseManager manager;

  @Inject
  public AnalyticsDatabase(StoreConfig config) {
    this.client = MongoClients.create(config.url);
    this.factory = new MongoDBDocumentConfiguration().get(client);
    this.manager = factory.apply(config.database);
  }

  /** For CDI's proxy only. */
  protected AnalyticsDatabase() {
    this.client = null;
    this.factory = null;
    this.manager = null;
  }

  /** The database's document manager. */
  public DatabaseManager manager() {
    return manager;
  }

  /**
   * Runs a store operation, turning the driver's failures into {@link
   * ControlStoreUnavailableException} with {@code what} in its message.
   */
  public static <T> T call(String what, Supplier<T> operation) {
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
