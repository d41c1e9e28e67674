package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.util.List;

/** Helpers shared by the document mappings and stores. */
final class Documents {
  private Documents() {}

  /** MongoDB leaves out empty arrays on some paths; the records never hold null lists. */
  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

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

  static boolean isMongoFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoException) {
        return true;
      }
    }
    return false;
  }
}
