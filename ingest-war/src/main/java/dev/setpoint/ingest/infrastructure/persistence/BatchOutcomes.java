package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import java.util.Collections;
import java.util.List;

/**
 * The outcomes of a batch write of the edge buffer ({@link MongoEventStore}): every event stored,
 * or the whole batch failed, with a reason that says whether the event may be stored.
 */
final class BatchOutcomes {
  static final String RETRY_IS_SAFE =
      "Retrying with the same event id is safe: 201 if it was not stored, 409 if it was";

  private BatchOutcomes() {}

  /** Every event of the batch stored. */
  static List<WriteOutcome> allStored(int size) {
    return Collections.nCopies(size, WriteOutcome.STORED);
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
