package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.setpoint.ingest.domain.StoreUnavailableException;

/** How the adapters read MongoDB driver failures, wherever JNoSQL wrapped them. */
final class MongoErrors {
  private MongoErrors() {}

  static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write
          && ErrorCategory.fromErrorCode(write.getError().getCode())
              == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }

  /** A driver failure becomes {@link StoreUnavailableException} (503); anything else as it is. */
  static RuntimeException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoException) {
        return new StoreUnavailableException("the edge buffer (MongoDB) failed", e);
      }
    }
    return e;
  }
}
