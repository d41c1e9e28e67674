package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.setpoint.relay.config.MongoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's MongoDB client for what JNoSQL's {@code Template} cannot do: a drain's cursor, a bulk
 * of updates, counting the backlog. Built from the key JNoSQL reads, {@code jnosql.mongodb.url}, so
 * one setting moves both, except for the read timeout: a drain's first answer over a large backlog
 * takes long on the stack's MongoDB-wire server (20 s for 113,000 events, see {@link
 * MongoPendingEvents}), longer than the URL's timeout, which suits every other query.
 */
@ApplicationScoped
public class MongoClientProducer {

  @Produces
  @ApplicationScoped
  MongoClient mongoClient(
      @ConfigProperty(name = "jnosql.mongodb.url") String url, MongoConfig config) {
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(url))
            .applyToSocketSettings(
                s -> s.readTimeout(config.readTimeout.toMillis(), TimeUnit.MILLISECONDS))
            .build());
  }

  void close(@Disposes MongoClient client) {
    client.close();
  }
}
