package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands JNoSQL a document manager on ingest's own {@link MongoClient}, in place of the two JNoSQL
 * builds from configuration, each with a client of its own:
 *
 * <ul>
 *   <li>{@code org.eclipse.jnosql.mapping.document.configuration.DocumentManagerSupplier} produces
 *       the {@code @Database(DOCUMENT) DatabaseManager} behind {@code Template};
 *   <li>{@code org.eclipse.jnosql.databases.mongodb.mapping.DocumentManagerSupplier} produces the
 *       {@code @Default MongoDBDocumentManager} behind {@code MongoDBTemplate}, as a dependent bean
 *       that {@code MongoDBTemplate} looks up on every call: a new MongoClient, never closed, per
 *       operation.
 * </ul>
 *
 * <p>This one producer has both bean types and both qualifiers and is an enabled alternative, so it
 * wins both resolutions and neither JNoSQL producer ever runs. {@code @Alternative} and {@code
 * Priority} sit on the class: CDI 4.0 (Jakarta EE 10) selects an alternative producer by the
 * priority of its declaring class ({@code @Priority} on the method itself came with CDI 4.1, and
 * Liberty's CDI 4.0 ignores it there). One manager for the application: {@code @Singleton}, as
 * {@link MongoDBDocumentManager} has no no-argument constructor to proxy. It needs no disposer: its
 * {@code close()} does nothing, and the client is closed by {@link MongoClientProducer}.
 *
 * <p>That holds where JNoSQL's jars are in the WAR. In the EAR they sit in the EAR's {@code lib/},
 * whose beans cannot see the WARs' beans, so JNoSQL's templates there resolve JNoSQL's own
 * producers: {@code Template} gets one application-scoped manager with a client of its own (one
 * more pool, no harm), but {@code MongoDBTemplate} would get a new client per operation, a leak of
 * threads and connections that took the server down under a fleet of 1,000 devices. So ingest
 * injects {@code DocumentTemplate} (the {@code Template} with counts), never {@code
 * MongoDBTemplate}, and does with its own {@link MongoClient} what needs the driver's filters.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class JnosqlDocumentManagerProducer {

  @Produces
  @Singleton
  @Default
  @Database(DatabaseType.DOCUMENT)
  @Typed({MongoDBDocumentManager.class, DatabaseManager.class})
  MongoDBDocumentManager documentManager(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    return new MongoDBDocumentConfiguration().get(client).apply(database);
  }
}
