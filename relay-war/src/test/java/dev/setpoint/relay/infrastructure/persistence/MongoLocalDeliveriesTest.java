package dev.setpoint.relay.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MongoLocalDeliveriesTest {
  static MongoServer server;
  static MongoClient client;

  @BeforeAll
  static void start() {
    server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aDeliveryIsRememberedByChangeAndByAlertUntilPurged() {
    MongoLocalDeliveries deliveries = new MongoLocalDeliveries(client, "setpoint");
    assertFalse(deliveries.delivered("e1"));
    deliveries.record("e1", "a1", 1_000);
    deliveries.record("e1", "a1", 1_000); // recorded again after a lost answer: once
    deliveries.record("e2", "a2", 5_000);
    assertTrue(deliveries.delivered("e1"));
    assertTrue(deliveries.alertDelivered("a1"));
    assertFalse(deliveries.alertDelivered("a3"));

    deliveries.purge(2_000);
    assertFalse(deliveries.delivered("e1"));
    assertFalse(deliveries.alertDelivered("a1"));
    assertTrue(deliveries.delivered("e2"));
  }
}
