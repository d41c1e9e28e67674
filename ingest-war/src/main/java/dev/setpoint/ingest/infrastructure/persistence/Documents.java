package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.util.List;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/** Helpers shared by the document mappings and stores. */
final class Documents {
  private Documents() {}

  /** MongoDB leaves out empty arrays on some paths; the records never hold null lists. */
  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Stores the document whole, replacing the stored one of the same id. Jakarta NoSQL's update
   * replaces an existing document only, so a new one is inserted; one inserted meanwhile by another
   * request or replica is then replaced.
   *
   * @param exists whether the caller found the document stored
   */
  static void put(DocumentTemplate template, Object document, boolean exists) {
    if (exists) {
      template.update(document);
      return;
    }
    try {
      template.insert(document);
    } catch (RuntimeException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
      template.update(document);
    }
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
