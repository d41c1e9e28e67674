package dev.setpoint.analytics.application.alert;

import static dev.setpoint.analytics.application.audit.MemoryAuditStore.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.Messages;
import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.analytics.domain.DecisionInputs;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertNotifier;
import dev.setpoint.analytics.domain.alert.AlertQuery;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.analytics.domain.alert.AlertStore;
import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertServiceTest {
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  final Store store = new Store();
  final List<String> told = new ArrayList<>();
  final AlertNotifier notifier =
      (a, e) -> told.add(e.code() + " " + a.kind().code() + " " + a.severity().code());
  final MutableClock clock = new MutableClock();
  final MemoryAuditStore audit = new MemoryAuditStore();
  final AlertService alerts =
      new AlertService(store, notifier, (site, room) -> AlertRules.DEFAULTS, audit.trail(), clock);

  TelemetryMessage reading(String device, String room, double t, double rh) {
    return new TelemetryMessage(
        TelemetryMessage.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        device,
        "room-sensor",
        "climate",
        clock.now.toEpochMilli() * 1_000_000L,
        List.of(
            new TelemetryReading("temperature", t, "C"), new TelemetryReading("humidity", rh, "%")),
        "s1",
        null,
        null,
        clock.now.toEpochMilli(),
        room);
  }

  /** The relative humidity of air at {@code t} °C whose dew point is 10 °C (heating dries it). */
  static double rh(double t) {
    return 100 * Math.exp(17.62 * 10 / (243.12 + 10)) / Math.exp(17.62 * t / (243.12 + t));
  }

  void feed(double... inlet) {
    for (double t : inlet) {
      alerts.accept(reading("rs-1", "hall", t, rh(t)));
      clock.now = clock.now.plusSeconds(60);
    }
  }

  @Test
  void aBreachIsRaisedEscalatedAcknowledgedAndClearedAndEachChangeIsStoredAndTold() {
    feed(24, 27.4, 32.5, 31.7);
    Alert a = alerts.openNow().getFirst();
    assertEquals(AlertKind.INLET_HIGH, a.kind());
    assertEquals(Severity.CRITICAL, a.severity());
    assertEquals("hall", a.subject());
    assertEquals(T0.plusSeconds(60), a.raisedAt(), "raised at the reading that crossed 27 °C");
    assertEquals(List.of("raised inlet_high warning", "escalated inlet_high critical"), told);
    assertEquals(a, store.alerts.get(a.id()), "stored as it stands");

    Alert acked =
        alerts
            .acknowledge(a.id(), operator("ops"), "unit 2 tripped, engineer on the way")
            .orElseThrow();
    assertEquals(AlertState.ACKNOWLEDGED, acked.state());
    AuditRecord ack = audit.of("alert").getFirst();
    assertEquals("acknowledge", ack.action());
    assertEquals(a.id(), ack.target());
    assertEquals("ops", ack.actor());
    assertEquals("hall", ack.room());
    assertTrue(ack.before().contains("\"state\":\"raised\""), ack.before());
    assertTrue(ack.after().contains("\"state\":\"acknowledged\""), ack.after());
    assertTrue(ack.after().contains("\"comment\":\"unit 2 tripped"), ack.after());
    assertEquals("ops", store.alerts.get(a.id()).acknowledgedBy());
    feed(31.0, 26.0);
    assertEquals(List.of(), alerts.openNow());
    Alert cleared = store.alerts.get(a.id());
    assertEquals(AlertState.CLEARED, cleared.state());
    assertEquals("unit 2 tripped, engineer on the way", cleared.comment());
    assertEquals(
        List.of(
            "raised inlet_high warning",
            "escalated inlet_high critical",
            "acknowledged inlet_high critical",
            "cleared inlet_high warning"),
        told);
    assertThrows(
        IllegalStateException.class, () -> alerts.acknowledge(a.id(), operator("ops"), "late"));
    assertEquals(Optional.empty(), alerts.acknowledge("nope", operator("ops"), ""));
    assertEquals(1, audit.of("alert").size(), "a refused acknowledgement is not a change");

    // the same condition again is a new alert
    feed(28);
    assertNotEquals(a.id(), alerts.openNow().getFirst().id());
  }

  @Test
  void anUnacknowledgedAlertIsRemindedAtItsIntervalAndAnAcknowledgedOneIsNot() {
    feed(28);
    alerts.tick();
    assertEquals(1, told.size());
    for (int minute = 1; minute < 59; minute++) { // still hot, still reporting
      feed(28);
      alerts.tick();
    }
    assertEquals(List.of("raised inlet_high warning"), told);
    feed(28, 28);
    alerts.tick();
    assertEquals("reminder inlet_high warning", told.getLast());
    alerts.acknowledge(alerts.openNow().getFirst().id(), operator("ops"), "");
    for (int minute = 0; minute < 180; minute++) {
      feed(28);
      alerts.tick();
    }
    assertEquals("acknowledged inlet_high warning", told.getLast());
    assertEquals(3, told.size());
  }

  @Test
  void aSilentDeviceGoesOfflineAfterThreeOfItsIntervalsAndBackOnline() {
    for (int i = 0; i < 4; i++) {
      alerts.accept(reading("rs-1", "hall", 24, rh(24)));
      clock.now = clock.now.plusSeconds(10);
    }
    clock.now = clock.now.plusSeconds(15); // 25 s since the last: within 3 × 10 s
    alerts.tick();
    assertEquals(List.of(), told);
    clock.now = clock.now.plusSeconds(10);
    alerts.tick();
    assertEquals(List.of("raised device_offline warning"), told);
    alerts.accept(reading("rs-1", "hall", 24, rh(24)));
    assertEquals("cleared device_offline warning", told.getLast());
  }

  @Test
  void noDeviceIsJudgedSilentWhileAnalyticsLagsBehindTheTopic() {
    for (int i = 0; i < 4; i++) {
      alerts.accept(reading("rs-1", "hall", 24, rh(24)));
      clock.now = clock.now.plusSeconds(10);
    }
    alerts.consumerLag(10_001); // above the rule's 10,000 records: its readings may be unread
    clock.now = clock.now.plusSeconds(60);
    alerts.tick();
    assertEquals(List.of("raised consumer_lag warning"), told);
    alerts.consumerLag(0);
    alerts.tick();
    assertEquals(
        List.of(
            "raised consumer_lag warning",
            "cleared consumer_lag warning",
            "raised device_offline warning"),
        told);
  }

  @Test
  void aBacklogDeliveredInABurstDoesNotShortenADevicesInterval() {
    // readings 10 s apart by the device's clock, delivered 0.5 s apart after an outage
    Instant taken = clock.now.minusSeconds(60);
    for (int i = 0; i < 6; i++) {
      TelemetryMessage m = reading("rs-1", "hall", 24, rh(24));
      long origin = taken.plusSeconds(10L * i).toEpochMilli();
      alerts.accept(
          Messages.changed(
              m, origin * 1_000_000L, m.outdoor(), clock.now.toEpochMilli(), m.room()));
      clock.now = clock.now.plusMillis(500);
    }
    clock.now = clock.now.plusSeconds(20); // within 3 × 10 s of the last receipt
    alerts.tick();
    assertTrue(told.stream().noneMatch(t -> t.contains("device_offline")), told.toString());
    clock.now = clock.now.plusSeconds(15);
    alerts.tick();
    assertTrue(told.contains("raised device_offline warning"), told.toString());
  }

  /** The reading as its hub received (and its device took) it at {@code received}, read now. */
  static TelemetryMessage receivedAt(TelemetryMessage m, Instant received) {
    return Messages.changed(
        m, received.toEpochMilli() * 1_000_000L, m.outdoor(), received.toEpochMilli(), m.room());
  }

  /** The subject of the one open alert of the kind. */
  String openSubject(AlertKind kind) {
    return alerts.openNow().stream()
        .filter(a -> a.kind() == kind)
        .findFirst()
        .orElseThrow()
        .subject();
  }

  @Test
  void readingsReadMinutesLateDoNotMakeTheirDevicesOfflineButADeviceItsHubNoLongerDeliversIs() {
    // Ten devices every 10 s; analytics reads their readings 10 minutes after the hub received
    // them (its own lag behind the topic, or a backlog the hub forwards), 10 s of them a second.
    Instant received = clock.now.minus(Duration.ofMinutes(10));
    for (int round = 0; round < 12; round++) {
      for (int d = 0; d < 10; d++) {
        if (round >= 4 && d == 7) {
          continue; // rs-7 stops after its fourth reading; its neighbours go on
        }
        String device = "rs-" + d;
        alerts.accept(
            receivedAt(
                reading(device, "room-" + device, 24, rh(24)), received.plusMillis(100L * d)));
      }
      received = received.plusSeconds(10);
      clock.now = clock.now.plusSeconds(1);
      alerts.tick();
    }
    assertEquals(
        List.of("raised device_offline warning"),
        told.stream().filter(t -> t.contains("device_offline")).toList(),
        "only rs-7: its hub delivered its neighbours' readings 3 of its intervals past its last");
    assertEquals("rs-7", openSubject(AlertKind.DEVICE_OFFLINE));
  }

  @Test
  void aSilentHubIsCriticalAndOneForwardingABacklogIsAWarningUntilItCatchesUp() {
    alerts.accept(reading("rs-1", "hall", 24, rh(24)));
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    alerts.tick();
    assertTrue(told.stream().noneMatch(t -> t.contains("edge_silent")), told.toString());
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    alerts.tick();
    assertTrue(told.contains("raised edge_silent critical"), told.toString());
    told.clear();

    // the link is back: the hub forwards what it buffered, 20 minutes old
    alerts.accept(delayed(Duration.ofMinutes(20)));
    assertEquals(List.of("cleared edge_silent critical", "raised edge_backlog warning"), edge());
    alerts.accept(delayed(Duration.ofMinutes(10))); // above half the threshold: still behind
    assertEquals(2, edge().size());
    alerts.accept(delayed(Duration.ofMinutes(5)));
    assertEquals("cleared edge_backlog warning", edge().getLast());
    assertEquals("s1", alerts.find(alertId("edge_backlog")).map(Alert::subject).orElse(null));
  }

  /** What subscribers were told about edge hubs. */
  List<String> edge() {
    return told.stream().filter(t -> t.contains(" edge_")).toList();
  }

  TelemetryMessage delayed(Duration age) {
    return receivedAt(reading("rs-1", "hall", 24, rh(24)), clock.now.minus(age));
  }

  String alertId(String kind) {
    return store.alerts.values().stream()
        .filter(a -> a.kind().code().equals(kind))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void fallbackModelLagAndMeterAlertsFollowTheirSources() {
    DeviceRecommendation stale =
        new DeviceRecommendation(
            "rc",
            "s1",
            T0,
            23,
            Double.NaN,
            "m1",
            "window_stale",
            24,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            "hall",
            "auto",
            0.75,
            true,
            DecisionInputs.EMPTY);
    alerts.decided(stale);
    alerts.decided(stale);
    alerts.model(false, "no such file");
    alerts.consumerLag(50_000);
    Meter meter = new Meter("pm-1", Quantity.COOLING, "hall", "s1");
    alerts.meterAnomalies(
        List.of(
            new MeterAnomaly(meter, new EnergyAnomaly(AnomalyKind.JUMP, 0, 1, "9000 kWh"), false)));
    assertEquals(
        List.of(
            "raised controller_fallback warning",
            "raised model_failed critical",
            "raised consumer_lag warning",
            "raised meter_anomaly warning"),
        told);
    assertEquals("pm-1/cooling", openSubject(AlertKind.METER_ANOMALY));
    alerts.decided(
        new DeviceRecommendation(
            "rc",
            "s1",
            T0,
            23,
            26,
            "m1",
            "model",
            24,
            26,
            Double.NaN,
            Double.NaN,
            "hall",
            "auto",
            0.75,
            true,
            DecisionInputs.EMPTY));
    alerts.model(true, null);
    alerts.consumerLag(3);
    alerts.meterAnomalies(List.of());
    assertEquals(List.of(), alerts.openNow());
    assertEquals(8, told.size());
  }

  @Test
  void aStoreOutageDelaysTheRecordNeverLosesItAndARestartReadsTheOpenAlertsBack() {
    store.down = true;
    feed(28);
    assertEquals(List.of("raised inlet_high warning"), told, "told even while the store is down");
    assertTrue(store.alerts.isEmpty());
    store.down = false;
    alerts.tick();
    Alert stored = store.alerts.values().iterator().next();
    assertEquals(AlertKind.INLET_HIGH, stored.kind());

    AlertService restarted =
        new AlertService(
            store, notifier, (site, room) -> AlertRules.DEFAULTS, audit.trail(), clock);
    restarted.tick();
    restarted.accept(reading("rs-1", "hall", 28.2, rh(28.2)));
    assertEquals(1, restarted.openNow().size());
    assertEquals(stored.id(), restarted.openNow().getFirst().id(), "not raised twice");
    assertEquals(1, told.stream().filter(t -> t.startsWith("raised")).count());
  }

  // ------------------------------------------------------------ edge alerts

  /** A change of the hall's inlet alert as the edge hub reports it. */
  static EdgeAlert edge(EdgeAlert.Event event, Severity severity, Instant start, Instant at) {
    return new EdgeAlert(
        AlertIds.of(AlertKind.INLET_HIGH, "hall", start),
        AlertKind.INLET_HIGH,
        severity,
        event,
        "hall",
        "s1",
        33.0,
        severity == Severity.CRITICAL ? 32.0 : 27.0,
        "room hall: hottest inlet 33.0 °C",
        start,
        at,
        "s1");
  }

  /** The hall's readings at T0 + 60 s × i, as the hub received them, however late they arrive. */
  void buffered(double... inlet) {
    Instant now = clock.now;
    for (int i = 0; i < inlet.length; i++) {
      clock.now = T0.plusSeconds(60L * i);
      alerts.accept(reading("rs-1", "hall", inlet[i], rh(inlet[i])));
    }
    clock.now = now;
  }

  @Test
  void anEdgeAlertThatArrivesBeforeItsBufferedReadingsIsRaisedOnceWithTheEdgesStart() {
    Instant start = T0.plusSeconds(60);
    clock.now = T0.plusSeconds(3600); // the link came back an hour later
    alerts.edge(edge(EdgeAlert.Event.RAISED, Severity.CRITICAL, start, start));
    assertEquals(List.of("raised inlet_high critical"), told);

    // the readings buffered at the edge follow: the cool one before the breach clears nothing,
    // the breach itself is the same alert, judged by the same rules on the same readings
    buffered(24, 33, 33);
    assertEquals(List.of("raised inlet_high critical"), told);
    Alert a = alerts.openNow().getFirst();
    assertEquals(AlertIds.of(AlertKind.INLET_HIGH, "hall", start), a.id());
    assertEquals(start, a.raisedAt(), "the edge's start");
    assertEquals(clock.now, a.notifiedAt(), "told now, so the reminder counts from now");
    alerts.tick(); // (the device and the hub, silent since the buffered readings, are alerted)
    assertEquals(
        List.of("raised inlet_high critical"),
        told.stream().filter(t -> t.contains("inlet_high")).toList(),
        "no reminder for an alert told just now");
  }

  @Test
  void aHubsOwnAlertNamesTheHubAsItsSubjectAndNoRoom() {
    Instant start = T0.plusSeconds(60);
    alerts.edge(
        new EdgeAlert(
            AlertIds.of(AlertKind.EDGE_BUFFER_FULL, "s1", start),
            AlertKind.EDGE_BUFFER_FULL,
            Severity.CRITICAL,
            EdgeAlert.Event.RAISED,
            "s1",
            "s1",
            0.95,
            0.90,
            "the edge buffer's volume is 95 % full",
            start,
            start,
            "s1"));
    Alert a = alerts.openNow().getFirst();
    assertEquals(AlertKind.EDGE_BUFFER_FULL, a.kind());
    assertEquals("s1", a.subject());
    assertEquals(null, a.room(), "a hub alert belongs to no room");
  }

  @Test
  void anEdgeAlertTheCloudRaisedFromTheSameReadingsIsNotRaisedTwice() {
    buffered(24, 33, 33, 25);
    assertEquals(List.of("raised inlet_high critical", "cleared inlet_high critical"), told);
    Instant start = T0.plusSeconds(60);
    alerts.edge(edge(EdgeAlert.Event.RAISED, Severity.CRITICAL, start, start));
    alerts.edge(edge(EdgeAlert.Event.CLEARED, Severity.CRITICAL, start, T0.plusSeconds(180)));

    // and after a restart, from the store alone
    AlertService restarted =
        new AlertService(
            store, notifier, (site, room) -> AlertRules.DEFAULTS, audit.trail(), clock);
    restarted.edge(edge(EdgeAlert.Event.RAISED, Severity.CRITICAL, start, start));
    assertEquals(List.of("raised inlet_high critical", "cleared inlet_high critical"), told);
    assertEquals(List.of(), restarted.openNow());
    assertEquals(1, store.alerts.size());
  }

  @Test
  void anEdgeAlertTheCloudNeverSawIsRecordedToldAndClearedByTheEdge() {
    Instant start = T0.plusSeconds(60);
    alerts.edge(edge(EdgeAlert.Event.RAISED, Severity.WARNING, start, start));
    alerts.edge(edge(EdgeAlert.Event.ESCALATED, Severity.CRITICAL, start, start.plusSeconds(60)));
    alerts.edge(edge(EdgeAlert.Event.CLEARED, Severity.CRITICAL, start, start.plusSeconds(600)));
    assertEquals(
        List.of(
            "raised inlet_high warning",
            "escalated inlet_high critical",
            "cleared inlet_high critical"),
        told);
    Alert stored = store.alerts.get(AlertIds.of(AlertKind.INLET_HIGH, "hall", start));
    assertEquals(AlertState.CLEARED, stored.state());
    assertEquals(start, stored.raisedAt());
    assertEquals(start.plusSeconds(600), stored.clearedAt());

    // its readings, forwarded later, neither raise it again nor escalate it twice
    buffered(24, 28, 33, 33, 33, 33, 33, 33, 33, 33, 33);
    assertEquals(3, told.size(), told.toString());
  }

  @Test
  void anEdgeEscalationAheadOfTheReadingsIsToldOnce() {
    Instant start = T0.plusSeconds(60);
    alerts.edge(edge(EdgeAlert.Event.RAISED, Severity.WARNING, start, start));
    alerts.edge(edge(EdgeAlert.Event.ESCALATED, Severity.CRITICAL, start, start.plusSeconds(60)));
    buffered(24, 28, 33, 33);
    assertEquals(List.of("raised inlet_high warning", "escalated inlet_high critical"), told);
    assertEquals(Severity.CRITICAL, alerts.openNow().getFirst().severity());
  }

  @Test
  void whetherAnEdgeAlertIsKnownIsAskedOfTheStoreAndAnOutageIsTheCallersToRetry() {
    store.down = true;
    Instant start = T0.plusSeconds(60);
    assertThrows(
        ControlStoreUnavailableException.class,
        () -> alerts.edge(edge(EdgeAlert.Event.RAISED, Severity.CRITICAL, start, start)));
    assertEquals(List.of(), told);
    store.down = false;
    alerts.edge(edge(EdgeAlert.Event.RAISED, Severity.CRITICAL, start, start));
    assertEquals(List.of("raised inlet_high critical"), told);
  }

  /** An in-memory store, which can be made to fail. */
  static final class Store implements AlertStore {
    final Map<String, Alert> alerts = new LinkedHashMap<>();
    boolean down;

    private void check() {
      if (down) {
        throw new ControlStoreUnavailableException("down", null);
      }
    }

    @Override
    public List<Alert> open() {
      check();
      return alerts.values().stream().filter(a -> a.state().open()).toList();
    }

    @Override
    public Optional<Alert> find(String id) {
      check();
      return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public void save(Alert alert) {
      check();
      alerts.put(alert.id(), alert);
    }

    @Override
    public List<Alert> query(AlertQuery q) {
      check();
      return alerts.values().stream()
          .sorted(Comparator.comparing(Alert::raisedAt).reversed())
          .skip((long) q.page() * q.size())
          .limit(q.size())
          .toList();
    }

    @Override
    public long count(AlertQuery q) {
      return alerts.size();
    }
  }

  static final class MutableClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
