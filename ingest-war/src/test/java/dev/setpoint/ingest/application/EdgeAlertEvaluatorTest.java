package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EdgeAlertEvaluatorTest {
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  final EdgeAlertEvaluator evaluator = new EdgeAlertEvaluator(AlertRules.DEFAULTS, 100);
  final List<EdgeAlert> changes = new ArrayList<>();

  /** An event of a room sensor, received by the hub at {@code receivedAt}. */
  static BufferedEvent event(
      String device, String room, Instant receivedAt, String temperature, String humidity) {
    List<BufferedReading> readings = new ArrayList<>();
    long origin = receivedAt.toEpochMilli() * 1_000_000L;
    readings.add(
        new BufferedReading(
            UUID.randomUUID().toString(), origin, "temperature", "Float64", temperature, "degC"));
    if (humidity != null) {
      readings.add(
          new BufferedReading(
              UUID.randomUUID().toString(), origin, "humidity", "Float64", humidity, "%RH"));
    }
    return new BufferedEvent(
        UUID.randomUUID().toString(),
        device,
        "room-sensor",
        "climate",
        origin,
        readings,
        EventState.PENDING,
        receivedAt.toEpochMilli(),
        null,
        "s1",
        room);
  }

  /** The hall's readings a minute apart from T0. */
  void feed(double... inlet) {
    for (int i = 0; i < inlet.length; i++) {
      evaluator.accept(
          event("rs-1", "hall", T0.plusSeconds(60L * i), Double.toString(inlet[i]), "30"),
          changes::add);
    }
  }

  List<String> seen() {
    return changes.stream()
        .filter(c -> c.kind() == AlertKind.INLET_HIGH)
        .map(c -> c.event().code() + " " + c.severity().code())
        .toList();
  }

  /** Dry air (30 % RH): the dew point stays inside its envelope, only the inlet is judged. */
  @Test
  void aBreachIsRaisedEscalatedAndClearedUnderOneIdFromItsStart() {
    feed(24, 27.4, 32.5, 31.7, 31.0, 26.0);
    assertEquals(List.of("raised warning", "escalated critical", "cleared warning"), seen());
    Instant start = T0.plusSeconds(60);
    assertEquals(3, changes.size(), changes.toString());
    for (EdgeAlert c : changes) {
      assertEquals(AlertIds.of(AlertKind.INLET_HIGH, "hall", start), c.id(), "the cloud's id");
      assertEquals(start, c.start());
      assertEquals("hall", c.room());
      assertEquals("s1", c.site());
      assertEquals("s1", c.hub());
    }
    EdgeAlert escalated = changes.get(1);
    assertEquals(T0.plusSeconds(120), escalated.at());
    assertEquals(32.5, escalated.value());
    assertEquals(32.0, escalated.threshold());
    assertEquals("room hall: hottest inlet 32.5 °C", escalated.message());
  }

  @Test
  void aReadingOver32IsCriticalAtOnce() {
    feed(24, 33);
    assertEquals(List.of("raised critical"), seen());
    assertEquals(Severity.CRITICAL, changes.getFirst().severity());
  }

  @Test
  void onlyRoomsWithANumericTemperatureAreJudged() {
    evaluator.accept(event("rs-1", null, T0, "40", "45"), changes::add);
    evaluator.accept(event("rs-1", " ", T0, "40", "45"), changes::add);
    BufferedEvent text =
        new BufferedEvent(
            "e",
            "rs-1",
            "p",
            "s",
            1,
            List.of(new BufferedReading("r", 1, "temperature", "String", "40", null)),
            EventState.PENDING,
            T0.toEpochMilli(),
            null,
            null,
            "hall");
    evaluator.accept(text, changes::add);
    BufferedEvent humidityOnly =
        new BufferedEvent(
            "e",
            "rs-1",
            "p",
            "s",
            1,
            List.of(new BufferedReading("r", 1, "humidity", "Float64", "99", null)),
            EventState.PENDING,
            T0.toEpochMilli(),
            null,
            null,
            "hall");
    evaluator.accept(humidityOnly, changes::add);
    assertEquals(List.of(), changes);
  }

  @Test
  void aRoomWithoutASiteIsTheDefaultHubs() {
    BufferedEvent e = event("rs-1", "lab", T0, "35", null);
    evaluator.accept(e.placed(null, "lab"), changes::add);
    assertEquals("default", changes.getFirst().hub());
    assertEquals(null, changes.getFirst().site());
  }

  @Test
  void theHottestOfARoomsFreshSensorsCountsAsInTheCloud() {
    evaluator.accept(event("rs-1", "hall", T0, "33", "30"), changes::add);
    evaluator.accept(event("rs-2", "hall", T0.plusSeconds(10), "22", "30"), changes::add);
    assertEquals(List.of("raised critical"), seen(), "rs-1 is still the hottest, fresh");
    evaluator.accept(event("rs-2", "hall", T0.plusSeconds(200), "22", "30"), changes::add);
    assertEquals(List.of("raised critical", "cleared critical"), seen(), "rs-1 has gone stale");
  }

  @Test
  void overriddenThresholdsApplyAndNonsenseIsRefusedNamingIt() {
    AlertRules rules = EdgeAlertEvaluator.rules("inletCriticalC=30, inletWarningC = 26,");
    assertEquals(30, rules.inletCriticalC());
    assertEquals(26, rules.inletWarningC());
    assertEquals(AlertRules.DEFAULTS, EdgeAlertEvaluator.rules(null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EdgeAlertEvaluator.rules("inletC=30"));
    assertTrue(e.getMessage().contains("inletC"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> EdgeAlertEvaluator.rules("inletCriticalC"));
    assertTrue(e.getMessage().contains("name=value"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> EdgeAlertEvaluator.rules("inletWarningC=40"));
    assertTrue(e.getMessage().contains("inletWarningC < inletCriticalC"), e.getMessage());
  }

  @Test
  void theRoomsKeptAreBounded() {
    EdgeAlertEvaluator small = new EdgeAlertEvaluator(AlertRules.DEFAULTS, 2);
    for (int room = 0; room < 50; room++) {
      small.accept(event("rs-" + room, "room-" + room, T0, "24", "45"), changes::add);
    }
    assertTrue(small.roomsTracked() <= 2, "rooms kept: " + small.roomsTracked());
    assertEquals(List.of(), changes);
  }
}
