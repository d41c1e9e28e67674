package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the answer to an unordered {@code insertMany} into one outcome per event. Unordered, the
 * server tries every document and reports the ones it refused by index: a duplicate key is that
 * event's 409, and every document without an error was stored.
 */
final class BatchOutcomes {
  static final String RETRY_IS_SAFE =
      "Retrying with the same event id is safe: 201 if it was not stored, 409 if it was";

  private BatchOutcomes() {}

  /** Every event of the batch stored. */
  static List<WriteOutcome> allStored(int size) {
    return Collections.nCopies(size, WriteOutcome.STORED);
  }

  /** The per-event outcomes of a batch some of whose documents the server refused. */
  static List<WriteOutcome> of(int size, MongoBulkWriteException e) {
    // A write concern error means the server applied the writes it did not refuse, but could not
    // confirm them as durable as asked: those events may or may not survive.
    WriteOutcome unconfirmed =
        e.getWriteConcernError() == null
            ? WriteOutcome.STORED
            : new WriteOutcome.Failed(
                "the edge buffer could not confirm the write ("
                    + e.getWriteConcernError().getMessage()
                    + "); the event may or may not be stored. "
                    + RETRY_IS_SAFE,
                e);
    List<WriteOutcome> outcomes = new ArrayList<>(Collections.nCopies(size, unconfirmed));
    for (BulkWriteError error : e.getWriteErrors()) {
      if (error.getIndex() < 0 || error.getIndex() >= size) {
        continue;
      }
      outcomes.set(
          error.getIndex(),
          error.getCategory() == ErrorCategory.DUPLICATE_KEY
              ? WriteOutcome.DUPLICATE
              : new WriteOutcome.Failed(
                  "the edge buffer refused the event ("
                      + error.getMessage()
                      + "); it was not stored, retry later",
                  e));
    }
    return outcomes;
  }

  /** The whole batch failed: the server was unreachable, or the answer was lost. */
  static List<WriteOutcome> failed(int size, MongoException e) {
    // No connection at all (no server selected, connection refused): nothing reached the server.
    // Anything else (a socket timeout, a connection reset mid-write) may have left writes applied.
    boolean neverSent = e instanceof MongoTimeoutException || e instanceof MongoSocketOpenException;
    WriteOutcome failed =
        new WriteOutcome.Failed(
            neverSent
                ? "the edge buffer (MongoDB) is unreachable; the event was not stored, retry later"
                : "the edge buffer (MongoDB) failed during the write ("
                    + e.getMessage()
                    + "); the event may or may not be stored. "
                    + RETRY_IS_SAFE,
            e);
    return Collections.nCopies(size, failed);
  }
}
