package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;

/**
 * An in-process MongoDB-wire server (the stack's mongo-java-server, in memory) and a real driver
 * client on it, for the adapters' tests; closed after each test.
 */
final class InMemoryMongo implements AutoCloseable {
  private final MongoServer server = new MongoServer(H2Backend.inMemory());
  final MongoClient client;

  InMemoryMongo() {
    InetSocketAddress address = server.bind();
    client =
        MongoClients.create(
            "mongodb://"
                + address.getHostString()
                + ":"
                + address.getPort()
                + "/?serverSelectionTimeoutMS=2000");
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
