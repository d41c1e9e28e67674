package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.Topics;
import dev.setpoint.relay.domain.LocalAlertReceiver;
import dev.setpoint.relay.domain.LocalDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LocalAlertDeliveryTest {
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  final EdgeAlertCodec codec = new EdgeAlertCodec();

  final OutboxForwarderTest.Queue queue = new OutboxForwarderTest.Queue();
  final OutboxForwarderTest.MutableClock clock = new OutboxForwarderTest.MutableClock();
  final CloudLink link = new CloudLink(Duration.ofSeconds(10), () -> false, clock);

  /** The LAN's receiver: takes every change unless it is down, and records "event severity". */
  final class Receiver implements LocalAlertReceiver {
    final List<String> received = new ArrayList<>();
    boolean down;
    boolean configured = true;

    @Override
    public boolean configured() {
      return configured;
    }

    @Override
    public Delivery deliver(String deliveryId, EdgeAlert alert) {
      if (down) {
        return new Delivery(false, "HTTP 503");
      }
      received.add(alert.event().code() + " " + alert.severity().code() + " " + alert.room());
      return new Delivery(true, "HTTP 204");
    }
  }

  /** Deliveries kept in memory, as they would be across a restart of the service. */
  static final class Deliveries implements LocalDeliveries {
    final Map<String, String> byEvent = new LinkedHashMap<>();

    @Override
    public boolean delivered(String eventId) {
      return byEvent.containsKey(eventId);
    }

    @Override
    public boolean alertDelivered(String alertId) {
      return byEvent.containsValue(alertId);
    }

    @Override
    public void record(String eventId, String alertId, long atMillis) {
      byEvent.put(eventId, alertId);
    }

    @Override
    public void purge(long beforeMillis) {}
  }

  final Receiver receiver = new Receiver();
  final Deliveries deliveries = new Deliveries();
  final LocalAlertDelivery delivery =
      new LocalAlertDelivery(queue, receiver, deliveries, link, clock, 100);

  /** Appends a change of room's inlet alert, as ingest does. */
  void change(String room, EdgeAlert.Event event, Severity severity, long minute) {
    Instant start = T0;
    EdgeAlert a =
        new EdgeAlert(
            AlertIds.of(AlertKind.INLET_HIGH, room, start),
            AlertKind.INLET_HIGH,
            severity,
            event,
            room,
            "s1",
            33.0,
            32.0,
            "room " + room + ": hottest inlet 33.0 °C",
            start,
            start.plusSeconds(60 * minute),
            "s1");
    queue.messages.put(
        a.eventId(),
        new OutboxMessage(
            a.eventId(), Topics.ALERTS, a.id(), codec.encode(a), a.at().toEpochMilli()));
  }

  void linkDown() {
    link.waiting(OptionalLong.of(clock.millis()));
    clock.now = clock.now.plusSeconds(11);
    assertTrue(link.down());
  }

  @Test
  void whileTheLinkIsUpNothingGoesToTheLan() {
    change("hall", EdgeAlert.Event.RAISED, Severity.CRITICAL, 0);
    assertEquals(0, delivery.deliverOnce());
    assertEquals(List.of(), receiver.received);
  }

  @Test
  void whileTheLinkIsDownCriticalAlertsAndTheirClearingGoToTheLanOnce() {
    change("hall", EdgeAlert.Event.RAISED, Severity.WARNING, 0);
    change("hall", EdgeAlert.Event.ESCALATED, Severity.CRITICAL, 1);
    change("lab", EdgeAlert.Event.RAISED, Severity.WARNING, 2);
    change("lab", EdgeAlert.Event.CLEARED, Severity.WARNING, 3);
    change("hall", EdgeAlert.Event.CLEARED, Severity.CRITICAL, 4);
    queue.add("audit-1", Topics.AUDIT, T0.toEpochMilli());
    linkDown();

    assertEquals(2, delivery.deliverOnce());
    assertEquals(List.of("escalated critical hall", "cleared critical hall"), receiver.received);
    assertEquals(0, delivery.deliverOnce(), "each once");
    assertEquals(6, queue.messages.size(), "all still wait for the cloud");

    // a restart forgets nothing: the record is durable
    LocalAlertDelivery restarted =
        new LocalAlertDelivery(queue, receiver, deliveries, link, clock, 100);
    assertEquals(0, restarted.deliverOnce());
    assertEquals(2, receiver.received.size());
  }

  @Test
  void aFailingReceiverIsTriedAgainLaterWithoutSkippingAnything() {
    change("hall", EdgeAlert.Event.RAISED, Severity.CRITICAL, 0);
    change("lab", EdgeAlert.Event.RAISED, Severity.CRITICAL, 1);
    linkDown();
    receiver.down = true;
    assertEquals(0, delivery.deliverOnce());
    assertTrue(delivery.lastRoundFailed());
    assertEquals(1, delivery.failedCount());

    receiver.down = false;
    assertEquals(2, delivery.deliverOnce());
    assertFalse(delivery.lastRoundFailed());
    assertEquals(List.of("raised critical hall", "raised critical lab"), receiver.received);
    assertEquals(2, delivery.deliveredCount());
  }

  @Test
  void withoutAWebhookNothingIsReadAtAll() {
    receiver.configured = false;
    change("hall", EdgeAlert.Event.RAISED, Severity.CRITICAL, 0);
    linkDown();
    assertEquals(0, delivery.deliverOnce());
  }

  @Test
  void aClearingWhoseRaisingTheLanNeverSawIsNotSentThere() {
    change("hall", EdgeAlert.Event.CLEARED, Severity.CRITICAL, 5);
    linkDown();
    assertEquals(0, delivery.deliverOnce());
  }
}
