package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ingest's one MongoDB client, and so its one connection pool: the batch writer, the read queries,
 * the index set-up and (through {@link JnosqlDocumentManagerProducer}, where JNoSQL is in the WAR)
 * JNoSQL's {@code DocumentTemplate} all use it. Built from the same key JNoSQL reads, {@code
 * jnosql.mongodb.url}, so one setting moves all of them.
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
