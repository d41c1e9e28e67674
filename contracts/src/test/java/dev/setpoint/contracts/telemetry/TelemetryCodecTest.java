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
    return withWeather(null, null, null);
  }

  private static TelemetryMessage withWeather(
      String site, OutdoorConditions outdoor, Double setpoint) {
    return new TelemetryMessage(
        TelemetryMessage.SCHEMA_VERSION,
        "6f8c1a7e-8f7b-4c3e-9d7a-111111111111",
        "rack-1",
        "room-sensor",
        "climate",
        1_764_316_800_000_000_000L,
        List.of(
            new TelemetryReading("temperature", 23.5, "degC"),
            new TelemetryReading("humidity", 41.0, "%RH")),
        site,
        outdoor,
        setpoint,
        null,
        null);
  }

  private static OutdoorConditions outdoor(double humidity, int category) {
    return new OutdoorConditions(
        4.5, humidity, category, 1_764_316_000_000L, "openweathermap", true, 800, false);
  }

  @Test
  void roundTripKeepsTheSiteTheWeatherAndTheSetpoint() {
    TelemetryMessage message = withWeather("gwangju", outdoor(71, 3), 24.5);
    assertEquals(message, codec.decode(codec.encode(message)));
  }

  @Test
  void readsVersionOneMessagesWrittenBeforeAnUpgrade() {
    String v1 =
        codec
            .encode(sample())
            .replace("\"schemaVersion\":4", "\"schemaVersion\":1")
            .replace(",\"room\":null", "")
            .replace(",\"outdoor\":null", "")
            .replace(",\"setpoint\":null", "")
            .replace(",\"site\":null", "")
            .replace(",\"receivedAt\":null", "");
    TelemetryMessage read = codec.decode(v1);
    assertEquals(1, read.schemaVersion());
    assertEquals(null, read.outdoor());
  }

  @Test
  void carriesTheRoomAndReadsVersionThreeWithoutIt() {
    TelemetryMessage s = sample();
    TelemetryMessage inRoom =
        new TelemetryMessage(
            s.schemaVersion(),
            s.eventId(),
            s.device(),
            s.profile(),
            s.source(),
            s.origin(),
            s.readings(),
            "gwangju",
            null,
            null,
            1_764_316_800_500L,
            "gwangju-a");
    TelemetryMessage read = codec.decode(codec.encode(inRoom));
    assertEquals(inRoom, read);
    assertEquals("gwangju-a", read.roomOrDevice());

    String v3 = codec.encode(s).replace("\"schemaVersion\":4", "\"schemaVersion\":3");
    TelemetryMessage old = codec.decode(v3.replace(",\"room\":null", ""));
    assertEquals(null, old.room());
    assertEquals("rack-1", old.roomOrDevice());
  }

  @Test
  void refusesABlankRoom() {
    String blank = codec.encode(sample()).replaceFirst("\\{", "{\"room\":\" \",");
    TelemetryFormatException e =
        assertThrows(TelemetryFormatException.class, () -> codec.decode(blank));
    assertTrue(e.getMessage().contains("room"), e.getMessage());
  }

  @Test
  void carriesTheHubsTimeOfReceiptAndReadsVersionTwoWithoutIt() {
    TelemetryMessage sample = sample();
    TelemetryMessage received =
        new TelemetryMessage(
            sample.schemaVersion(),
            sample.eventId(),
            sample.device(),
            sample.profile(),
            sample.source(),
            sample.origin(),
            sample.readings(),
            sample.site(),
            sample.outdoor(),
            sample.setpoint(),
            1_764_316_800_250L,
            null);
    assertEquals(received, codec.decode(codec.encode(received)));

    String v2 =
        codec
            .encode(sample)
            .replace("\"schemaVersion\":4", "\"schemaVersion\":2")
            .replace(",\"room\":null", "")
            .replace(",\"receivedAt\":null", "");
    assertEquals(null, codec.decode(v2).receivedAt());

    String bad = codec.encode(received).replace("1764316800250", "0");
    assertEquals(
        "receivedAt must be a positive epoch in ms",
        assertThrows(TelemetryFormatException.class, () -> codec.decode(bad)).getMessage());
  }

  @Test
  void refusesImplausibleWeatherAndSetpoints() {
    for (TelemetryMessage bad :
        List.of(
            withWeather("s", outdoor(101, 3), null),
            withWeather("s", outdoor(-1, 3), null),
            withWeather("s", outdoor(50, 0), null),
            withWeather("s", outdoor(50, 10), null))) {
      assertThrows(TelemetryFormatException.class, () -> codec.decode(codec.encode(bad)));
    }
  }

  @Test
  void roundTripKeepsEveryField() {
    TelemetryMessage message = sample();
    assertEquals(message, codec.decode(codec.encode(message)));
  }

  @Test
  void rejectsOtherSchemaVersions() {
    String json = codec.encode(sample()).replace("\"schemaVersion\":4", "\"schemaVersion\":5");
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
    TelemetryMessage empty =
        new TelemetryMessage(
            1, "id-1", "rack-1", "p", "s", 1L, List.of(), null, null, null, null, null);
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

  @Test
  void readsWhatJsonBBindsForEveryLayout() {
    try (JsonPayloads jsonb = new JsonPayloads()) {
      TelemetryMessage full = withWeather("gwangju", outdoor(71, 3), 24.5);
      TelemetryMessage roomed =
          new TelemetryMessage(
              4,
              "e",
              "crac-1",
              "room-controller",
              "climate",
              1_764_316_800_123_456_789L,
              List.of(
                  new TelemetryReading("cooling_power", 12.5, "kW"),
                  new TelemetryReading("cooling_energy", 1_520.000_001, null)),
              "s",
              new OutdoorConditions(-3.25, 0.0, 9, 1L, "simulated", false, 0, true),
              null,
              1_764_316_800_250L,
              "hall a");
      for (TelemetryMessage m : List.of(sample(), full, roomed)) {
        String json = codec.encode(m);
        assertEquals(jsonb.read(json, TelemetryMessage.class, "telemetry"), codec.decode(json));
      }
    }
  }

  @Test
  void ignoresUnknownMembersAndReadsNumbersWrittenAsStrings() {
    String json =
        codec
            .encode(sample())
            .replace(
                "\"device\":\"rack-1\",",
                "\"device\":\"rack-1\",\"extra\":{\"a\":[1,{\"b\":2}]},\"more\":[3],\"x\":true,")
            .replace("\"value\":23.5", "\"value\":\"23.5\"")
            .replace("\"schemaVersion\":4", "\"schemaVersion\":\"4\"");
    assertEquals(sample(), codec.decode(json));
  }

  @Test
  void namesAMemberOfTheWrongKind() {
    String json = codec.encode(sample());
    for (var bad :
        List.of(
            List.of(
                json.replace("\"device\":\"rack-1\"", "\"device\":5"), "device must be a string"),
            List.of(
                json.replace("\"schemaVersion\":4", "\"schemaVersion\":4.5"),
                "schemaVersion must be a whole number"),
            List.of(
                json.replace("1764316800000000000", "99999999999999999999"),
                "origin must be a whole number"),
            List.of(
                json.replace("\"schemaVersion\":4", "\"schemaVersion\":4294967300"),
                "schemaVersion must be a whole number"),
            List.of(
                codec
                    .encode(withWeather("s", outdoor(50, 3), null))
                    .replace("\"category\":3", "\"category\":4294967299"),
                "outdoor.category must be a whole number"),
            List.of(
                codec
                    .encode(withWeather("s", outdoor(50, 3), null))
                    .replace("\"stale\":true", "\"stale\":7"),
                "outdoor.stale must be true or false"),
            List.of(
                json.replace("\"value\":23.5", "\"value\":\"warm\""),
                "readings[0].value must be a number"),
            List.of(
                json.replace("\"readings\":[", "\"readings\":{\"r\":[").replace("}],", "}]},"),
                "readings must be an array"))) {
      TelemetryFormatException e =
          assertThrows(TelemetryFormatException.class, () -> codec.decode(bad.get(0)), bad.get(0));
      assertEquals(bad.get(1), e.getMessage(), bad.get(0));
    }
  }

  @Test
  void refusesWhatIsNotOneJsonObject() {
    String json = codec.encode(sample());
    assertEquals(
        "telemetry payload is null",
        assertThrows(TelemetryFormatException.class, () -> codec.decode("null")).getMessage());
    assertEquals(
        "telemetry payload is not a JSON object",
        assertThrows(TelemetryFormatException.class, () -> codec.decode("[" + json + "]"))
            .getMessage());
    assertTrue(
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json + "{}"))
            .getMessage()
            .startsWith("telemetry payload"));
    assertTrue(
        assertThrows(TelemetryFormatException.class, () -> codec.decode(json.replace(":", ";")))
            .getMessage()
            .startsWith("telemetry payload is not valid JSON"));
  }
}
