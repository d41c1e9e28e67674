package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.relay.domain.PendingEvents;
import dev.setpoint.relay.domain.TelemetryPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ForwardingServiceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);

  /** The edge buffer in memory: the unit under test only sees the port. */
  private static final class Buffer implements PendingEvents {
    final Map<String, BufferedEvent> events = new LinkedHashMap<>();

    void add(BufferedEvent event) {
      events.put(event.id(), event);
    }

    @Override
    public List<BufferedEvent> oldest(int limit) {
      return events.values().stream()
          .filter(e -> e.state() == EventState.PENDING)
          .sorted(Comparator.comparingLong(BufferedEvent::origin))
          .limit(limit)
          .toList();
    }

    @Override
    public void markForwarded(BufferedEvent event, long atMillis) {
      events.put(event.id(), event.forwarded(atMillis));
    }
  }

  /** Acknowledges every message except those of the devices it is told to refuse. */
  private static final class Broker implements TelemetryPublisher {
    final List<TelemetryMessage> published = new ArrayList<>();
    final Set<String> refusedDevices;

    Broker(Set<String> refusedDevices) {
      this.refusedDevices = refusedDevices;
    }

    @Override
    public CompletionStage<Void> publish(TelemetryMessage message) {
      if (refusedDevices.contains(message.device())) {
        return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
      }
      published.add(message);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static BufferedEvent event(String id, String device, long origin, BufferedReading... r) {
    return new BufferedEvent(
        id, device, "room-sensor", "climate", origin, List.of(r), EventState.PENDING, 1L, null);
  }

  private static BufferedReading reading(String resource, String type, String value) {
    return new BufferedReading("r-" + resource, 1L, resource, type, value, "u");
  }

  private static ForwardingService service(Buffer buffer, Broker broker, int batch) {
    return new ForwardingService(buffer, broker, CLOCK, batch, Duration.ofSeconds(1));
  }

  @Test
  void publishesOldestFirstAndMarksForwardedAfterTheAck() {
    Buffer buffer = new Buffer();
    buffer.add(event("b", "rack-1", 20, reading("temperature", "Float64", "2.2e+01")));
    buffer.add(event("a", "rack-1", 10, reading("temperature", "Float64", "21.5")));
    Broker broker = new Broker(Set.of());

    int forwarded = service(buffer, broker, 10).forwardOnce();

    assertEquals(2, forwarded);
    assertEquals(
        List.of("a", "b"), broker.published.stream().map(TelemetryMessage::eventId).toList());
    assertEquals(
        List.of(new TelemetryReading("temperature", 21.5, "u")),
        broker.published.get(0).readings());
    assertEquals(EventState.FORWARDED, buffer.events.get("a").state());
    assertEquals(5_000L, buffer.events.get("a").forwardedAt());
  }

  @Test
  void anUnacknowledgedEventStaysPendingAndIsSentAgainLater() {
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 10, reading("temperature", "Float64", "21")));
    buffer.add(event("b", "rack-2", 11, reading("temperature", "Float64", "22")));
    Set<String> refused = new java.util.HashSet<>(Set.of("rack-2"));
    Broker broker = new Broker(refused);

    assertEquals(1, service(buffer, broker, 10).forwardOnce());
    assertEquals(EventState.PENDING, buffer.events.get("b").state());

    refused.clear();
    assertEquals(1, service(buffer, broker, 10).forwardOnce());
    assertEquals(EventState.FORWARDED, buffer.events.get("b").state());
    assertEquals(
        List.of("a", "b"), broker.published.stream().map(TelemetryMessage::eventId).toList());
  }

  @Test
  void aRoundTakesAtMostOneBatch() {
    Buffer buffer = new Buffer();
    for (int i = 0; i < 5; i++) {
      buffer.add(event("e" + i, "rack-1", i + 1, reading("humidity", "Float64", "40")));
    }
    Broker broker = new Broker(Set.of());

    assertEquals(2, service(buffer, broker, 2).forwardOnce());
    assertEquals(3, buffer.oldest(10).size());
  }

  @Test
  void onlyNumericReadingsTravelAndAnEventWithoutAnyIsNotPublished() {
    Buffer buffer = new Buffer();
    buffer.add(
        event(
            "mixed",
            "rack-1",
            1,
            reading("temperature", "Int16", "23"),
            reading("door", "Bool", "true"),
            reading("label", "String", "rack one")));
    buffer.add(event("text", "rack-1", 2, reading("label", "String", "hello")));
    Broker broker = new Broker(Set.of());

    assertEquals(2, service(buffer, broker, 10).forwardOnce());

    assertEquals(1, broker.published.size());
    assertEquals(
        List.of(new TelemetryReading("temperature", 23.0, "u")),
        broker.published.get(0).readings());
    assertTrue(buffer.oldest(10).isEmpty());
  }
}
