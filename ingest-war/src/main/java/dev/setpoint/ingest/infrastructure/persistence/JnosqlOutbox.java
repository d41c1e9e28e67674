package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.domain.Outbox;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The edge's outbox, {@link OutboxMessage#COLLECTION}, written through JNoSQL in the layout of
 * {@link OutboxMessage}'s mapping, which the relay reads with its driver ({@code MongoOutbox}): one
 * insert per message, acknowledged before {@link #append} returns. The message id is the document's
 * {@code _id}, so a retried append of the same message is refused by MongoDB as a duplicate and
 * counts as stored. The relay forwards by {@code createdAt}; {@link EdgeBufferIndexes} indexes it.
 */
@ApplicationScoped
public class JnosqlOutbox implements Outbox {
  private final DocumentTemplate template;

  /**
   * @param template JNoSQL's document template (never {@code MongoDBTemplate}: {@link
   *     JnosqlDocumentManagerProducer})
   */
  @Inject
  public JnosqlOutbox(DocumentTemplate template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlOutbox() {
    this.template = null;
  }

  @Override
  public void append(OutboxMessage message) {
    check(message);
    try {
      template.insert(message);
    } catch (RuntimeException e) {
      if (Documents.isDuplicateKey(e)) {
        return; // stored before: a retry of an append whose answer was lost
      }
      if (Documents.isMongoFailure(e)) {
        throw new StoreUnavailableException("the edge outbox (MongoDB) failed", e);
      }
      throw e;
    }
  }

  /** What the relay needs of every message, refused here rather than set aside there. */
  static void check(OutboxMessage message) {
    if (message.id() == null || message.id().isBlank()) {
      throw new IllegalArgumentException("an outbox message needs an id");
    }
    if (message.topic() == null || message.topic().isBlank()) {
      throw new IllegalArgumentException("outbox message " + message.id() + " names no topic");
    }
    if (message.payload() == null) {
      throw new IllegalArgumentException("outbox message " + message.id() + " has no payload");
    }
    if (message.createdAt() <= 0) {
      throw new IllegalArgumentException(
          "outbox message " + message.id() + " needs createdAt, ms since the epoch");
    }
  }
}
