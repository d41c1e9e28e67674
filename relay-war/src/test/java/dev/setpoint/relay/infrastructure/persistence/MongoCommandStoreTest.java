package dev.setpoint.relay.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoCommandStoreTest {

  /** The document the one upsert writes, as MongoDB would hold it after the first write. */
  @SuppressWarnings("unchecked")
  private static Document stored(StoredCommand command) {
    Document d = new Document(StoredCommand.ID, command.id());
    d.putAll((Map<String, Object>) CommandUpsert.update(command).get("$set"));
    d.put(StoredCommand.VERSION, 1L);
    return d;
  }

  @Test
  void aStoredDocumentReadsBackAsTheCommandItHolds() {
    StoredCommand held =
        StoredCommand.toStore("ac-1", "setpoint", "Float64", "21", CommandSource.OPERATOR, 5L, "c")
            .heldTo(9L);

    StoredCommand read = MongoCommandStore.command(stored(held));

    assertEquals(
        new StoredCommand(
            "ac-1/setpoint",
            "ac-1",
            "setpoint",
            "Float64",
            "21",
            CommandSource.OPERATOR,
            5L,
            1L,
            "c",
            9L),
        read);
  }

  @Test
  void aSourceThisReleaseDoesNotKnowReadsAsNoneRatherThanFailing() {
    Document d =
        stored(
            StoredCommand.toStore(
                "ac-1", "setpoint", "Float64", "21", CommandSource.RECOMMENDER, 5L, "c"));
    d.put(StoredCommand.SOURCE, "SCHEDULER");
    d.put(StoredCommand.SET_AT, 5); // an int, as another writer might have stored it

    StoredCommand read = MongoCommandStore.command(d);

    assertNull(read.source());
    assertEquals(5L, read.setAt());
    assertNull(read.heldUntil());
  }
}
