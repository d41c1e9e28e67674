package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Analytics' own cloud-side store ({@code setpoint.analytics.store.*}): a MongoDB reached through
 * JNoSQL, holding the rooms' modes (and, later, what else the cloud must remember). On the single
 * machine it is the stack's MongoDB-wire server, in a database of its own; in Kubernetes the {@code
 * cloud} overlay's MongoDB, not the edge's.
 */
@Dependent
public class StoreConfig {
  /** The MongoDB connection string. */
  @Inject
  @ConfigProperty(
      name = "setpoint.analytics.store.url",
      defaultValue =
          "mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000"
              + "&socketTimeoutMS=10000")
  public String url;

  /** The database, apart from the edge buffer's. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.store.database", defaultValue = "setpoint-cloud")
  public String database;
}
