package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.ingest.domain.DuplicateEventException;
import dev.setpoint.ingest.domain.EventStore;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;

/**
 * Stores events as documents of {@link BufferedEvent#COLLECTION}. The event id is the document's
 * {@code _id}, so MongoDB itself refuses a second copy; one insert is atomic, so an event is stored
 * whole or not at all.
 */
@ApplicationScoped
public class JnosqlEventStore implements EventStore {
  private final Template template;

  @Inject
  public JnosqlEventStore(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlEventStore() {
    this.template = null;
  }

  @Override
  public void add(BufferedEvent event) {
    try {
      template.insert(event);
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        throw new DuplicateEventException(event.id());
      }
      if (causedBy(e, MongoException.class)) {
        throw new StoreUnavailableException("the edge buffer (MongoDB) refused the write", e);
      }
      throw e;
    }
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write
          && ErrorCategory.fromErrorCode(write.getError().getCode())
              == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
