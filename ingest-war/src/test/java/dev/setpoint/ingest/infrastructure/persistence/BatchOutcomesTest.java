package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

class BatchOutcomesTest {
  private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

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
