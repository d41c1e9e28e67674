package dev.setpoint.ingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The mapping's round trip and leniency; equality with JNoSQL's layout is StoredLayoutIT's. */
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
  void roundTrips() {
    assertEquals(EVENT, EventDocuments.fromDocument(EventDocuments.toDocument(EVENT)));
    BufferedEvent forwarded = EVENT.forwarded(1_764_316_801_000L);
    assertEquals(forwarded, EventDocuments.fromDocument(EventDocuments.toDocument(forwarded)));
  }

  @Test
  void writesLongsAsInt64AndNullsExplicitly() {
    Document document = EventDocuments.toDocument(EVENT);
    assertEquals(EVENT.id(), document.get("_id"));
    assertEquals(Long.class, document.get("origin").getClass());
    assertEquals(Long.class, document.get("receivedAt").getClass());
    assertEquals("PENDING", document.get("state"));
    assertTrue(document.containsKey("forwardedAt"));
    assertNull(document.get("forwardedAt"));
    Document humidity = document.getList("readings", Document.class).get(1);
    assertTrue(humidity.containsKey("units"));
    assertEquals(Long.class, humidity.get("origin").getClass());
  }

  @Test
  void readsADocumentWrittenByHandWithoutFailing() {
    Document byHand =
        new Document("_id", "x")
            .append("deviceName", 42)
            .append("origin", 7)
            .append("readings", List.of("not a document", new Document("resourceName", "t")))
            .append("state", "LOST");
    BufferedEvent event = EventDocuments.fromDocument(byHand);
    assertEquals("x", event.id());
    assertNull(event.deviceName());
    assertEquals(7L, event.origin());
    assertEquals(1, event.readings().size());
    assertEquals("t", event.readings().get(0).resourceName());
    assertNull(event.state());
    assertNull(event.forwardedAt());
  }
}
