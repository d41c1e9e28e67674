package dev.setpoint.analytics.infrastructure.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.setpoint.analytics.config.StoreConfig;
import java.net.InetSocketAddress;

/**
 * An in-process MongoDB-wire server (mongo-java-server, in memory) on a free port, with analytics'
 * database on it: the stores' documents go through JNoSQL and the real driver.
 */
public final class TestMongo implements AutoCloseable {
  private final MongoServer server;
  public final AnalyticsDatabase database;

  public TestMongo() {
    server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    StoreConfig config = new StoreConfig();
    config.url =
        "mongodb://"
            + address.getHostString()
            + ":"
            + address.getPort()
            + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=10000";
    config.database = "setpoint-test";
    database = new AnalyticsDatabase(config);
  }

  private boolean stopped;

  /** Stops the server: the database's calls fail as with MongoDB down. */
  public void stopServer() {
    stopped = true;
    server.shutdownNow();
  }

  /**
   * Closes the driver's client first and then the server, once: a server shut down under live
   * client connections could wait forever on closing them (seen once in CI, in netty's close of the
   * client channels after its event loop had ended).
   */
  @Override
  public void close() {
    database.close();
    if (!stopped) {
      stopped = true;
      server.shutdownNow();
    }
  }
}
