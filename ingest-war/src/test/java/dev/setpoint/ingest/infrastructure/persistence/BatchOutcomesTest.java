package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class BatchOutcomesTest {
  private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

  private static MongoBulkWriteException refused(
      WriteConcernError concern, BulkWriteError... errors) {
    return new MongoBulkWriteException(
        BulkWriteResult.unacknowledged(), List.of(errors), concern, SERVER, Set.of());
  }

  private static BulkWriteError error(int code, int index) {
    return new BulkWriteError(code, "E" + code + " at " + index, new BsonDocument(), index);
  }

  @Test
  void aDuplicateKeyIsThatEventsConflictAndTheRestAreStored() {
    List<WriteOutcome> outcomes =
        BatchOutcomes.of(4, refused(null, error(11000, 1), error(11000, 3)));
    assertEquals(
        List.of(
            WriteOutcome.STORED,
            WriteOutcome.DUPLICATE,
            WriteOutcome.STORED,
            WriteOutcome.DUPLICATE),
        outcomes);
  }

  @Test
  void anotherWriteErrorFailsOnlyThatEventAsNotStored() {
    List<WriteOutcome> outcomes = BatchOutcomes.of(2, refused(null, error(2, 0)));
    WriteOutcome.Failed failed = assertInstanceOf(WriteOutcome.Failed.class, outcomes.get(0));
    assertTrue(failed.reason().contains("it was not stored"), failed.reason());
    assertEquals(WriteOutcome.STORED, outcomes.get(1));
  }

  @Test
  void aWriteConcernErrorLeavesTheUnrefusedEventsUnconfirmed() {
    WriteConcernError concern =
        new WriteConcernError(64, "", "waiting for replication timed out", new BsonDocument());
    List<WriteOutcome> outcomes = BatchOutcomes.of(2, refused(concern, error(11000, 0)));
    assertEquals(WriteOutcome.DUPLICATE, outcomes.get(0));
    WriteOutcome.Failed failed = assertInstanceOf(WriteOutcome.Failed.class, outcomes.get(1));
    assertTrue(failed.reason().contains("may or may not be stored"), failed.reason());
  }

  @Test
  void anUnreachableServerStoredNothingButALostAnswerMayHave() {
    WriteOutcome.Failed unreachable =
        assertInstanceOf(
            WriteOutcome.Failed.class,
            BatchOutcomes.failed(3, new MongoTimeoutException("no server")).get(2));
    assertTrue(unreachable.reason().contains("was not stored"), unreachable.reason());

    WriteOutcome.Failed lost =
        assertInstanceOf(
            WriteOutcome.Failed.class,
            BatchOutcomes.failed(1, new MongoSocketReadException("reset", SERVER)).get(0));
    assertTrue(lost.reason().contains("may or may not be stored"), lost.reason());
    assertTrue(lost.reason().contains("Retrying with the same event id is safe"), lost.reason());
  }
}
