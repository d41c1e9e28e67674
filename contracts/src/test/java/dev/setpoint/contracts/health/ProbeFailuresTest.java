package dev.setpoint.contracts.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeFailuresTest {
  private final Logger log = Logger.getLogger(ProbeFailuresTest.class.getName() + ".probe");
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    log.setUseParentHandlers(false);
    log.addHandler(capture);
  }

  @AfterEach
  void release() {
    log.removeHandler(capture);
  }

  /** The kind of failures a driver reports, with the detail an anonymous caller must not see. */
  private static Exception mongoDown(int attempt) {
    return new IllegalStateException(
        "Timed out after 2000 ms while waiting to connect. Client view of cluster state is"
            + " {type=UNKNOWN, servers=[{address=db.internal:27017, attempt "
            + attempt
            + "}]",
        new ConnectException("Connection refused: db.internal/10.0.0.7:27017"));
  }

  @Test
  void theReasonIsACodeWithNothingOfTheFailuresText() {
    String reason = new ProbeFailures("ingest-mongodb", log).failed(mongoDown(1));
    assertEquals(ProbeFailures.UNREACHABLE, reason);
    assertTrue(records.getFirst().getMessage().contains("db.internal:27017"), "the log has it");
  }

  @Test
  void aRepeatedFailureIsLoggedOnceAndAgainWhenItChanges() {
    ProbeFailures failures = new ProbeFailures("relay-kafka", log);
    for (int probe = 0; probe < 5; probe++) {
      failures.failed(mongoDown(probe)); // the message changes, the failure does not
    }
    assertEquals(1, records.size());
    failures.failed(new ExecutionException(new TimeoutException("describeCluster")));
    assertEquals(2, records.size());
    assertEquals(Level.WARNING, records.getLast().getLevel());
    assertTrue(records.getLast().getMessage().contains("(timeout)"));
  }

  @Test
  void aRecoveryIsLoggedOnceAndOnlyAfterAFailure() {
    ProbeFailures failures = new ProbeFailures("analytics-kafka", log);
    failures.passed();
    assertEquals(0, records.size());
    failures.failed(new IOException("broken pipe"));
    failures.passed();
    failures.passed();
    assertEquals(2, records.size());
    assertEquals(Level.INFO, records.getLast().getLevel());
    failures.failed(new IOException("broken pipe"));
    assertEquals(3, records.size(), "the same failure after a recovery is news again");
  }

  @Test
  void aTextFailureIsLoggedOncePerDistinctText() {
    ProbeFailures failures = new ProbeFailures("analytics-model", log);
    assertEquals("rejected", failures.failed("rejected", "/var/lib/setpoint/model.onnx: shape"));
    failures.failed("rejected", "/var/lib/setpoint/model.onnx: shape");
    failures.failed("rejected", "/var/lib/setpoint/other.onnx: type");
    assertEquals(2, records.size());
  }

  @Test
  void reasonsFollowTheCauseChainFromTheOutsideIn() {
    assertEquals(
        ProbeFailures.TIMEOUT,
        ProbeFailures.reasonOf(new ExecutionException(new TimeoutException("no answer"))));
    assertEquals(
        ProbeFailures.TIMEOUT,
        ProbeFailures.reasonOf(new RuntimeException(new MongoTimeoutException())));
    assertEquals(
        ProbeFailures.UNREACHABLE,
        ProbeFailures.reasonOf(new RuntimeException(new UnknownHostException("kafka.internal"))));
    assertEquals(ProbeFailures.FAILED, ProbeFailures.reasonOf(new IllegalStateException("x")));
    assertEquals(ProbeFailures.FAILED, ProbeFailures.reasonOf(null));
  }

  /** Named as the MongoDB driver's, which contracts does not depend on. */
  private static final class MongoTimeoutException extends RuntimeException {}
}
