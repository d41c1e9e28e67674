package dev.setpoint.contracts.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelemetryCodecTest {
  private final TelemetryCodec codec = new TelemetryCodec();

  @AfterEach
  void close() {
    codec.close();
  }

  private static TelemetryMessage sample() {
    return new TelemetryMessage(
        TelemetryMessage.SCHEMA_VERSION,
        "6f8c1a7e-8f7b-4c3e-9d7a-111111111111",
        "rack-1",
        "room-sensor",
        "climate",
        1_764_316_800_000_000_000L,
        List.of(
            new TelemetryReading("temperature", 23.5, "degC"),
            new TelemetryReading("humidity", 41.0, "%RH")));
  }

  @Test
  void roundTripKeepsEveryField() {
    TelemetryMessage message = sample();
    assertEquals(message, codec.decode(codec.encode(message)));
  }

  @Test
  void rejectsOtherSchemaVersions() {
    String json = codec.encode(sample()).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    TelemetryFormatException e =
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json));
    assertTrue(e.getMessage().contains("schemaVersion"), e.getMessage());
  }

  @Test
  void namesTheMissingField() {
    String json = codec.encode(sample()).replace("\"device\":\"rack-1\",", "");
    TelemetryFormatException e =
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json));
    assertEquals("device is required", e.getMessage());
  }

  @Test
  void rejectsAnEventWithoutReadings() {
    TelemetryMessage empty = new TelemetryMessage(1, "id-1", "rack-1", "p", "s", 1L, List.of());
    assertThrows(TelemetryFormatException.class, () -> codec.decode(codec.encode(empty)));
  }

  @Test
  void aReadingWithoutAValueIsRefusedNotReadAsZero() {
    String json =
        codec.encode(sample()).replace(",\"value\":23.5", "").replace("\"value\":23.5,", "");
    assertTrue(!json.contains("23.5"), json);
    TelemetryFormatException e =
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json));
    assertEquals("readings[0].value must be a finite number", e.getMessage());
  }

  @Test
  void rejectsMalformedJson() {
    assertThrows(TelemetryFormatException.class, () -> codec.decode("{\"schemaVersion\":"));
    assertThrows(TelemetryFormatException.class, () -> codec.decode(" "));
  }
}
