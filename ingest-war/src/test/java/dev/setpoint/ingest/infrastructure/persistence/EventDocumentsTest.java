package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The mapping's round trip and leniency; the layout in the running application is StoredLayoutIT's.
 */
class EventDocumentsTest {
  private static final BufferedEvent EVENT =
      new BufferedEvent(
          "0d4c8f1e-4a8e-4f55-9a0b-6a1f2b3c4d5e",
          "rack-1",
          "room-sensor",
          "climate",
          1_764_316_800_000_000_000L,
          List.of(
              new BufferedReading(
                  "r1", 1_764_316_800_000_000_000L, "temperature", "Float64", "21.5", "degC"),
              new BufferedReading(
                  "r2", 1_764_316_800_000_000_001L, "humidity", "Float64", "40", null)),
          EventState.PENDING,
          1_764_316_800_000L,
          null);

  @Test
  void roundTripsThroughItsBatchDocument() {
    Document batch = EventDocuments.batch(7, 1_764_316_800_500L, List.of(EVENT));
    assertEquals(List.of(EVENT), EventDocuments.eventsOf(batch, EventState.PENDING));
    assertEquals(7L, batch.get("_id"));
    assertEquals(1, batch.get("n"));
    assertEquals(Map.of("rack-1", 1), EventDocuments.devicesOf(batch));
  }

  @Test
  void writesLongsAsInt64AndNullsExplicitlyWithoutAState() {
    Document document = EventDocuments.toEmbedded(EVENT);
    assertEquals(EVENT.id(), document.get("id"));
    assertEquals(Long.class, document.get("origin").getClass());
    assertEquals(Long.class, document.get("receivedAt").getClass());
    assertFalse(document.containsKey("state"));
    assertFalse(document.containsKey("forwardedAt"));
    assertTrue(document.containsKey("site"));
    assertNull(document.get("site"));
    Document humidity = document.getList("readings", Document.class).get(1);
    assertTrue(humidity.containsKey("units"));
    assertEquals(Long.class, humidity.get("origin").getClass());
  }

  @Test
  void readsTheLayoutBeforeTheBatchLogForTheMove() {
    Document legacy =
        EventDocuments.toEmbedded(EVENT).append("_id", EVENT.id()).append("state", "PENDING");
    legacy.remove("id");
    assertEquals(EVENT, EventDocuments.fromLegacy(legacy));
  }

  @Test
  void readsADocumentWrittenByHandWithoutFailing() {
    Document byHand =
        new Document("_id", "x")
            .append("deviceName", 42)
            .append("origin", 7)
            .append("readings", List.of("not a document", new Document("resourceName", "t")))
            .append("state", "LOST");
    BufferedEvent event = EventDocuments.fromLegacy(byHand);
    assertEquals("x", event.id());
    assertNull(event.deviceName());
    assertEquals(7L, event.origin());
    assertEquals(1, event.readings().size());
    assertEquals("t", event.readings().get(0).resourceName());
    assertNull(event.state());
    assertNull(event.forwardedAt());
    Document batch = new Document("_id", 3L).append("events", List.of(byHand, "junk"));
    assertEquals(1, EventDocuments.eventsOf(batch, EventState.PENDING).size());
    assertEquals(Map.of(), EventDocuments.devicesOf(batch));
  }
}
