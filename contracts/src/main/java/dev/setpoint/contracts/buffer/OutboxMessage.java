package dev.setpoint.contracts.buffer;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A message the edge sends the cloud besides telemetry (an audit record, an alert the edge raised),
 * kept in the edge's MongoDB until the broker acknowledged it: written by ingest, forwarded oldest
 * first and then deleted by the relay, so what the edge records while the WAN is down reaches the
 * cloud when it returns, the way telemetry does.
 *
 * @param id the message's own id (the audit record's or the alert event's), so a retried write is
 *     stored once
 * @param topic the Kafka topic it goes to ({@code contracts.telemetry.Topics#AUDIT} or {@code
 *     #ALERTS})
 * @param key the Kafka record key
 * @param payload the message as its codec writes it (JSON)
 * @param createdAt when the edge wrote it, milliseconds since the epoch: the forwarding order
 */
@Entity(OutboxMessage.COLLECTION)
public record OutboxMessage(
    @Id String id,
    @Column("topic") String topic,
    @Column("key") String key,
    @Column("payload") String payload,
    @Column("createdAt") long createdAt) {

  /** The MongoDB collection of the edge's outbox. */
  public static final String COLLECTION = "edge_outbox";
}
