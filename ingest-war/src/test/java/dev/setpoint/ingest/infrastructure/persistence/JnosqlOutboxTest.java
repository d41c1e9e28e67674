package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.junit.jupiter.api.Test;

class JnosqlOutboxTest {
  static final OutboxMessage MESSAGE =
      new OutboxMessage("m-1", "setpoint.alerts", "a-1", "{\"x\":1}", 1_700_000_000_000L);

  final List<Object> inserted = new ArrayList<>();

  /** A template whose insert records the entity, or throws what {@code failure} supplies. */
  DocumentTemplate template(Supplier<RuntimeException> failure) {
    return (DocumentTemplate)
        Proxy.newProxyInstance(
            DocumentTemplate.class.getClassLoader(),
            new Class<?>[] {DocumentTemplate.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("insert") || args.length != 1) {
                throw new UnsupportedOperationException(method.getName());
              }
              RuntimeException e = failure == null ? null : failure.get();
              if (e != null) {
                throw e;
              }
              inserted.add(args[0]);
              return args[0];
            });
  }

  @Test
  void aMessageIsInsertedAsItIs() {
    new JnosqlOutbox(template(null)).append(MESSAGE);
    assertEquals(List.of(MESSAGE), inserted);
  }

  @Test
  void aDuplicateIdIsAMessageStoredBefore() {
    MongoWriteException duplicate =
        new MongoWriteException(
            new WriteError(11000, "E11000 duplicate key error", new BsonDocument()),
            new ServerAddress(),
            Set.of());
    // JNoSQL wraps the driver's exception; the cause chain is what counts
    new JnosqlOutbox(template(() -> new IllegalStateException("insert failed", duplicate)))
        .append(MESSAGE);
    assertEquals(List.of(), inserted);
  }

  @Test
  void anUnreachableStoreIsReportedAsSuch() {
    MongoSocketReadException down = new MongoSocketReadException("closed", new ServerAddress());
    StoreUnavailableException e =
        assertThrows(
            StoreUnavailableException.class,
            () -> new JnosqlOutbox(template(() -> down)).append(MESSAGE));
    assertSame(down, e.getCause());
  }

  @Test
  void aMessageTheRelayCouldNotForwardIsRefusedBeforeItIsStored() {
    JnosqlOutbox outbox = new JnosqlOutbox(template(null));
    for (OutboxMessage bad :
        List.of(
            new OutboxMessage(" ", "t", "k", "{}", 1),
            new OutboxMessage("m", null, "k", "{}", 1),
            new OutboxMessage("m", "t", "k", null, 1),
            new OutboxMessage("m", "t", "k", "{}", 0))) {
      assertThrows(IllegalArgumentException.class, () -> outbox.append(bad), bad.toString());
    }
    assertEquals(List.of(), inserted);
  }
}
