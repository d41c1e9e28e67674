package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.relay.domain.LocalDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's record of edge alert changes delivered to the LAN webhook, collection {@value
 * #COLLECTION} (the relay's own): one document per change, {@code _id} the change's id (the outbox
 * message's), with its alert's id and when it was delivered. Few documents (critical alerts during
 * outages), forgotten after the retention, so lookups by alert id need no index.
 */
@ApplicationScoped
public class MongoLocalDeliveries implements LocalDeliveries {
  static final String COLLECTION = "edge_alert_deliveries";
  private static final String ID = "_id";
  private static final String ALERT_ID = "alertId";
  private static final String DELIVERED_AT = "deliveredAt";

  private final MongoCollection<Document> deliveries;

  @Inject
  public MongoLocalDeliveries(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    this.deliveries = client.getDatabase(database).getCollection(COLLECTION);
  }

  /** For CDI's proxy only. */
  protected MongoLocalDeliveries() {
    this.deliveries = null;
  }

  @Override
  public boolean delivered(String eventId) {
    return deliveries.find(Filters.eq(ID, eventId)).first() != null;
  }

  @Override
  public boolean alertDelivered(String alertId) {
    return deliveries.find(Filters.eq(ALERT_ID, alertId)).first() != null;
  }

  @Override
  public void record(String eventId, String alertId, long atMillis) {
    try {
      deliveries.insertOne(
          new Document(ID, eventId).append(ALERT_ID, alertId).append(DELIVERED_AT, atMillis));
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  @Override
  public void purge(long beforeMillis) {
    deliveries.deleteMany(Filters.lt(DELIVERED_AT, beforeMillis));
  }
}
