package dev.setpoint.contracts.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeAlertCodecTest {
  static final Instant START = Instant.parse("2026-12-03T10:00:00.123Z");
  final EdgeAlertCodec codec = new EdgeAlertCodec();

  static EdgeAlert raised() {
    return new EdgeAlert(
        AlertIds.of(AlertKind.INLET_HIGH, "hall", START),
        AlertKind.INLET_HIGH,
        Severity.CRITICAL,
        EdgeAlert.Event.RAISED,
        "hall",
        "s1",
        32.4,
        32.0,
        "room hall: hottest inlet 32.4 °C",
        START,
        START,
        "s1");
  }

  @Test
  void anAlertChangeTravelsWhole() {
    EdgeAlert a = raised();
    String json = codec.encode(a);
    assertTrue(json.contains("\"kind\":\"inlet_high\""), json);
    assertTrue(json.contains("\"severity\":\"critical\""), json);
    assertTrue(json.contains("\"event\":\"raised\""), json);
    assertTrue(json.contains("\"start\":\"2026-12-03T10:00:00.123Z\""), json);
    assertEquals(a, codec.decode(json));
  }

  @Test
  void unknownSiteValueAndThresholdAreLeftOut() {
    EdgeAlert a =
        new EdgeAlert(
            "id",
            AlertKind.HUMIDITY,
            Severity.WARNING,
            EdgeAlert.Event.CLEARED,
            "hall",
            null,
            null,
            null,
            "room hall: relative humidity 55 %",
            START,
            START.plusSeconds(60),
            "default");
    String json = codec.encode(a);
    assertTrue(!json.contains("site") && !json.contains("value") && !json.contains("threshold"));
    assertEquals(a, codec.decode(json));
  }

  @Test
  void theHubsOwnBufferVolumeAlertTravelsButNotTheCloudsHubAlerts() {
    EdgeAlert full =
        new EdgeAlert(
            AlertIds.of(AlertKind.EDGE_BUFFER_FULL, "s1", START),
            AlertKind.EDGE_BUFFER_FULL,
            Severity.CRITICAL,
            EdgeAlert.Event.RAISED,
            "s1",
            "s1",
            0.93,
            0.9,
            "the edge hub of site s1 refuses events: its buffer volume is 93 % full",
            START,
            START,
            "s1");
    String json = codec.encode(full);
    assertTrue(json.contains("\"kind\":\"edge_buffer_full\""), json);
    assertEquals(full, codec.decode(json));

    // edge_backlog is judged by the cloud from what arrives; an edge does not send it
    String backlog = json.replace("edge_buffer_full", "edge_backlog");
    AlertFormatException e = assertThrows(AlertFormatException.class, () -> codec.decode(backlog));
    assertTrue(e.getMessage().contains("kind 'edge_backlog'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "[1]|not a JSON object",
        "{\"schemaVersion\":2}|schemaVersion",
        "{\"schemaVersion\":1,\"kind\":\"inlet_high\",\"severity\":\"critical\",\"event\":\"raised\"}|id is required",
        "{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"device_offline\",\"severity\":\"critical\",\"event\":\"raised\"}|kind 'device_offline'",
        "{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"inlet_high\",\"severity\":\"high\",\"event\":\"raised\"}|severity 'high'",
        "{\"schemaVersion\":1,\"id\":\"x\",\"kind\":\"inlet_high\",\"severity\":\"critical\",\"event\":\"eased\"}|event 'eased'",
      })
  void aBrokenPayloadIsRefusedNamingTheField(String payload, String named) {
    AlertFormatException e = assertThrows(AlertFormatException.class, () -> codec.decode(payload));
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void aBadTimeOrValueIsRefusedNamingTheField() {
    String json = codec.encode(raised());
    AlertFormatException e =
        assertThrows(
            AlertFormatException.class,
            () ->
                codec.decode(
                    json.replace("\"2026-12-03T10:00:00.123Z\",\"at\"", "\"soon\",\"at\"")));
    assertTrue(e.getMessage().startsWith("start"), e.getMessage());
    e =
        assertThrows(
            AlertFormatException.class,
            () -> codec.decode(json.replace("\"value\":32.4", "\"value\":\"hot\"")));
    assertTrue(e.getMessage().startsWith("value"), e.getMessage());
  }

  @Test
  void eachChangeHasItsOwnStableEventId() {
    EdgeAlert raised = raised();
    EdgeAlert cleared =
        new EdgeAlert(
            raised.id(),
            raised.kind(),
            raised.severity(),
            EdgeAlert.Event.CLEARED,
            "hall",
            "s1",
            30.0,
            32.0,
            "room hall: hottest inlet 30.0 °C",
            START,
            START.plusSeconds(300),
            "s1");
    assertEquals(raised.eventId(), raised().eventId());
    assertNotEquals(raised.eventId(), cleared.eventId());
  }
}
