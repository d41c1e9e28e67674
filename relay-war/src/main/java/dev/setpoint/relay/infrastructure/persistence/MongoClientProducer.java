package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's MongoDB client for what JNoSQL's {@code Template} cannot do in one round trip:
 * marking a whole batch FORWARDED, and counting the backlog. Built from the key JNoSQL reads,
 * {@code jnosql.mongodb.url}, so one setting moves both.
 */
@ApplicationScoped
public class MongoClientProducer {

  @Produces
  @ApplicationScoped
  MongoClient mongoClient(@ConfigProperty(name = "jnosql.mongodb.url") String url) {
    return MongoClients.create(url);
  }

  void close(@Disposes MongoClient client) {
    client.close();
  }
}
