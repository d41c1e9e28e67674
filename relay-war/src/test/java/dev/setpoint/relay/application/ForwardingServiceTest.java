package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import dev.setpoint.relay.domain.Backlog;
import dev.setpoint.relay.domain.OutdoorWeather;
import dev.setpoint.relay.domain.PendingEvents;
import dev.setpoint.relay.domain.Sites;
import dev.setpoint.relay.domain.TelemetryPublisher;
import dev.setpoint.relay.domain.WeatherProvider;
import dev.setpoint.relay.domain.WeatherUnavailableException;
import dev.setpoint.relay.infrastructure.weather.SimulatedWeatherProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ForwardingServiceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);

  /**
   * The edge buffer's log in memory, one event per batch (its sequence number is its position, from
   * 1): the unit under test only sees the port.
   */
  private static final class Buffer implements PendingEvents {
    final List<BufferedEvent> log = new ArrayList<>();
    final Map<String, String> rejected = new LinkedHashMap<>();
    long cursor;
    long cursorAt;
    int advances;
    int windows;
    int gapsNext;

    void add(BufferedEvent event) {
      log.add(event);
    }

    boolean forwarded(String id) {
      for (int i = 0; i < cursor; i++) {
        if (log.get(i).id().equals(id)) {
          return true;
        }
      }
      return false;
    }

    /** The events after the cursor, in storage order. */
    List<String> waiting() {
      return log.subList((int) cursor, log.size()).stream().map(BufferedEvent::id).toList();
    }

    @Override
    public Window next(int maxEvents) {
      windows++;
      if (gapsNext > 0) {
        int gaps = gapsNext;
        gapsNext = 0;
        return new Window(cursor, cursor + gaps, List.of(), gaps, OptionalLong.empty());
      }
      int from = (int) cursor;
      int to = Math.min(log.size(), from + maxEvents);
      List<BufferedEvent> events = List.copyOf(log.subList(from, to));
      return new Window(
          cursor,
          to,
          events,
          0,
          events.isEmpty()
              ? OptionalLong.empty()
              : events.stream().mapToLong(BufferedEvent::receivedAt).min());
    }

    @Override
    public void advance(Window window, long atMillis) {
      if (!window.isEmpty()) {
        advances++;
        if (window.events().isEmpty()) {
          // A window of gaps only: the fake's log has no entries for them.
          for (long i = window.after(); i < window.through(); i++) {
            log.add((int) i, event("gap" + i, "none", 0));
          }
        }
        cursor = window.through();
        cursorAt = atMillis;
      }
    }

    @Override
    public void reject(BufferedEvent event, String reason) {
      rejected.put(event.id(), reason);
    }

    @Override
    public long compact(long storedBeforeMillis) {
      return 0;
    }

    @Override
    public Backlog backlog() {
      return new Backlog(log.size() - cursor, OptionalLong.empty());
    }

    @Override
    public void probe() {}
  }

  /** Acknowledges every message except those of the devices or event ids it is told to refuse. */
  private static final class Broker implements TelemetryPublisher {
    final List<TelemetryMessage> published = new ArrayList<>();
    final Set<String> refused;
    int attempts;

    Broker(Set<String> refused) {
      this.refused = refused;
    }

    @Override
    public CompletionStage<Void> publish(TelemetryMessage message) {
      attempts++;
      if (refused.contains(message.device()) || refused.contains(message.eventId())) {
        return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
      }
      published.add(message);
      return CompletableFuture.completedFuture(null);
    }
  }

  /** An event as ingest stores it: rack-seoul is labelled to stand in Seoul. */
  private static BufferedEvent event(String id, String device, long origin, BufferedReading... r) {
    return new BufferedEvent(
        id,
        device,
        "room-sensor",
        "climate",
        origin,
        List.of(r),
        EventState.PENDING,
        1L,
        null,
        device.equals("rack-seoul") ? "seoul" : null,
        null);
  }

  private static BufferedReading reading(String resource, String type, String value) {
    return new BufferedReading("r-" + resource, 1L, resource, type, value, "u");
  }

  private static final Sites SITES = Sites.parse("gwangju:35.1595:126.8526,seoul:37.5665:126.9780");

  private static final WeatherProvider RAINY =
      site ->
          new OutdoorWeather(
              site.name(),
              12.5,
              93.0,
              7,
              Instant.ofEpochMilli(1_000L),
              OutdoorWeather.OPENWEATHERMAP,
              false,
              Duration.ofSeconds(60),
              false);

  private static ForwardingService service(Buffer buffer, Broker broker, int batch) {
    return service(buffer, broker, batch, RAINY);
  }

  private static ForwardingService service(
      Buffer buffer, Broker broker, int batch, WeatherProvider weather) {
    return service(buffer, broker, batch, weather, 1_000);
  }

  private static ForwardingService service(
      Buffer buffer, Broker broker, int batch, WeatherProvider weather, int maxPerRound) {
    return new ForwardingService(
        buffer, broker, weather, SITES, CLOCK, batch, Duration.ofSeconds(1), maxPerRound);
  }

  @Test
  void attachesTheSiteAndItsOutdoorWeatherAskedOncePerRound() {
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 10, reading("temperature", "Float64", "21.5")));
    buffer.add(event("b", "rack-2", 20, reading("temperature", "Float64", "22.5")));
    Broker broker = new Broker(Set.of());
    AtomicInteger asked = new AtomicInteger();
    WeatherProvider counting =
        site -> {
          asked.incrementAndGet();
          return RAINY.current(site);
        };

    assertEquals(2, service(buffer, broker, 10, counting).forwardOnce());

    assertEquals(1, asked.get());
    assertEquals(2, broker.published.size());
    for (TelemetryMessage message : broker.published) {
      assertEquals("gwangju", message.site());
      assertEquals(1L, message.receivedAt(), "the hub's time of receipt travels with the event");
      assertEquals(
          new OutdoorConditions(12.5, 93.0, 7, 1_000L, "openweathermap", false, 60, false),
          message.outdoor());
    }
  }

  @Test
  void aSimulatedSitesReadingTravelsWithTheWeatherOfItsOwnMinute() {
    // Origins an hour apart, forwarded in one round: each gets its own minute's weather.
    long hour = 3_600_000_000_000L;
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 10 * hour, reading("temperature", "Float64", "21.5")));
    buffer.add(event("b", "rack-1", 16 * hour, reading("temperature", "Float64", "22.5")));
    Broker broker = new Broker(Set.of());
    SimulatedWeatherProvider simulated = new SimulatedWeatherProvider();

    assertEquals(2, service(buffer, broker, 10, simulated).forwardOnce());

    for (TelemetryMessage message : broker.published) {
      Instant origin = Instant.ofEpochSecond(0, message.origin());
      OutdoorWeather expected = simulated.weatherAt(SITES.forName("gwangju"), origin);
      assertEquals(expected.temperatureC(), message.outdoor().temperature(), 1e-9);
      assertEquals(
          origin.truncatedTo(ChronoUnit.MINUTES).toEpochMilli(),
          message.outdoor().observedAt(),
          "observed then, not when forwarded");
    }
    assertTrue(
        broker.published.get(0).outdoor().temperature()
            != broker.published.get(1).outdoor().temperature(),
        "10:00 and 16:00 differ");
  }

  @Test
  void forwardsWithoutWeatherWhenNoneCanBeHad() {
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 10, reading("temperature", "Float64", "21.5")));
    Broker broker = new Broker(Set.of());
    WeatherProvider none =
        site -> {
          throw new WeatherUnavailableException("no weather for " + site.name(), null);
        };

    assertEquals(1, service(buffer, broker, 10, none).forwardOnce());

    assertEquals(1, broker.published.size());
    assertNull(broker.published.get(0).outdoor());
    assertTrue(buffer.forwarded("a"));
  }

  @Test
  void publishesInStorageOrderAndMovesTheCursorAfterTheAck() {
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 20, reading("temperature", "Float64", "21.5")));
    buffer.add(event("b", "rack-1", 10, reading("temperature", "Float64", "2.2e+01")));
    Broker broker = new Broker(Set.of());

    int forwarded = service(buffer, broker, 10).forwardOnce();

    assertEquals(2, forwarded);
    assertEquals(
        List.of("a", "b"), broker.published.stream().map(TelemetryMessage::eventId).toList());
    assertEquals(
        List.of(new TelemetryReading("temperature", 21.5, "u")),
        broker.published.get(0).readings());
    assertEquals(2, buffer.cursor);
    assertEquals(5_000L, buffer.cursorAt);
  }

  @Test
  void aWindowMovesTheCursorInOneWriteAfterTheProbeAndTheRest() {
    Buffer buffer = new Buffer();
    for (int i = 0; i < 300; i++) {
      buffer.add(event("e" + i, "rack-" + (i % 7), i, reading("temperature", "Float64", "21")));
    }
    Broker broker = new Broker(Set.of());

    assertEquals(300, service(buffer, broker, 300).forwardOnce());

    assertEquals(1, buffer.advances);
    assertEquals(300, buffer.cursor);
  }

  @Test
  void aDeviceLabelledWithASiteTravelsWithThatSitesWeather() {
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 10, reading("temperature", "Float64", "21.5")));
    buffer.add(event("b", "rack-seoul", 20, reading("temperature", "Float64", "22.5")));
    Broker broker = new Broker(Set.of());
    List<String> asked = new ArrayList<>();
    WeatherProvider recording =
        site -> {
          asked.add(site.name());
          return RAINY.current(site);
        };

    assertEquals(2, service(buffer, broker, 10, recording).forwardOnce());

    assertEquals(
        List.of("gwangju", "seoul"),
        broker.published.stream().map(TelemetryMessage::site).toList());
    assertEquals(List.of("gwangju", "seoul"), asked);
  }

  @Test
  void theSetpointADeviceReportsTravelsAsItsCurrentSetpoint() {
    Buffer buffer = new Buffer();
    buffer.add(
        event(
            "a",
            "room-1",
            10,
            reading("temperature", "Float64", "24.0"),
            reading("setpoint", "Float64", "23.5")));
    buffer.add(event("b", "room-1", 20, reading("temperature", "Float64", "24.1")));
    Broker broker = new Broker(Set.of());

    assertEquals(2, service(buffer, broker, 10).forwardOnce());

    assertEquals(23.5, broker.published.get(0).setpoint());
    assertEquals(null, broker.published.get(1).setpoint(), "unknown when not reported");
  }

  @Test
  void aRoundRemembersWhenItsLongestWaitingEventWasReceived() {
    Buffer buffer = new Buffer();
    buffer.add(
        new BufferedEvent(
            "a",
            "rack-1",
            "room-sensor",
            "climate",
            10,
            List.of(reading("t", "Float64", "1")),
            EventState.PENDING,
            700L,
            null));
    buffer.add(
        new BufferedEvent(
            "b",
            "rack-2",
            "room-sensor",
            "climate",
            20,
            List.of(reading("t", "Float64", "1")),
            EventState.PENDING,
            300L,
            null));
    ForwardingService service = service(buffer, new Broker(Set.of("rack-1", "rack-2")), 10);

    service.forwardOnce();
    assertEquals(OptionalLong.of(300L), service.oldestReceivedAt());

    buffer.log.clear();
    service.forwardOnce();
    assertEquals(OptionalLong.empty(), service.oldestReceivedAt());
  }

  @Test
  void aWindowWithAnUnacknowledgedEventIsSentAgainWholeAndTheCursorStays() {
    Buffer buffer = new Buffer();
    buffer.add(event("a", "rack-1", 10, reading("temperature", "Float64", "21")));
    buffer.add(event("b", "rack-2", 11, reading("temperature", "Float64", "22")));
    Set<String> refused = new java.util.HashSet<>(Set.of("rack-2"));
    Broker broker = new Broker(refused);

    assertEquals(0, service(buffer, broker, 10).forwardOnce());
    assertEquals(0, buffer.cursor);

    refused.clear();
    assertEquals(2, service(buffer, broker, 10).forwardOnce());
    assertEquals(2, buffer.cursor);
    assertEquals(
        List.of("a", "a", "b"),
        broker.published.stream().map(TelemetryMessage::eventId).toList(),
        "a again: the stores downstream deduplicate it by its id");
  }

  @Test
  void afterAFailureEachDeviceGetsItsWholeWindowAgainInOrder() {
    Buffer buffer = new Buffer();
    buffer.add(event("e1", "rack-1", 1, reading("temperature", "Float64", "21")));
    buffer.add(event("e2", "rack-1", 2, reading("temperature", "Float64", "22")));
    buffer.add(event("e3", "rack-1", 3, reading("temperature", "Float64", "23")));
    buffer.add(event("x1", "rack-2", 4, reading("temperature", "Float64", "24")));
    Set<String> refused = new java.util.HashSet<>(Set.of("e2"));
    Broker broker = new Broker(refused);

    assertEquals(0, service(buffer, broker, 10).forwardOnce());
    assertEquals(0, buffer.cursor, "the window is not passed while any of it is unacknowledged");

    refused.clear();
    int before = broker.published.size();
    assertEquals(4, service(buffer, broker, 10).forwardOnce());
    assertEquals(
        List.of("e1", "e2", "e3", "x1"),
        broker.published.subList(before, broker.published.size()).stream()
            .map(TelemetryMessage::eventId)
            .toList(),
        "the last delivery of each device's events is in its order");
    assertEquals(4, buffer.cursor);
  }

  @Test
  void whileTheBrokerIsDownARoundCostsOneSend() {
    Buffer buffer = new Buffer();
    for (int i = 0; i < 5; i++) {
      buffer.add(event("e" + i, "rack-" + i, i + 1, reading("humidity", "Float64", "40")));
    }
    Broker broker = new Broker(Set.of("rack-0", "rack-1", "rack-2", "rack-3", "rack-4"));

    assertEquals(0, service(buffer, broker, 10).forwardOnce());
    assertEquals(1, broker.attempts);
    assertEquals(5, buffer.waiting().size());
  }

  @Test
  void anEventThatBreaksTheSchemaIsSetAsideAndDoesNotBlockTheRest() {
    Buffer buffer = new Buffer();
    buffer.add(
        event("broken", "rack-1", 1, new BufferedReading("r", 1L, "temperature", null, "21", "u")));
    buffer.add(event("fine", "rack-1", 2, reading("temperature", "Float64", "22")));
    Broker broker = new Broker(Set.of());

    assertEquals(1, service(buffer, broker, 10).forwardOnce());

    assertTrue(buffer.rejected.containsKey("broken"), buffer.rejected.toString());
    assertEquals(2, buffer.cursor);
    assertEquals(
        List.of("fine"), broker.published.stream().map(TelemetryMessage::eventId).toList());
  }

  @Test
  void aRoundDrainsWindowAfterWindowUpToItsLimit() {
    Buffer buffer = new Buffer();
    for (int i = 0; i < 25; i++) {
      buffer.add(event("e" + i, "rack-" + (i % 3), i + 1, reading("humidity", "Float64", "40")));
    }
    Broker broker = new Broker(Set.of());

    ForwardingService service = service(buffer, broker, 4, RAINY, 20);
    assertEquals(20, service.forwardOnce());
    assertFalse(service.lastRoundFailed());
    assertEquals(20, service.forwardedTotal());

    assertEquals(5, buffer.advances, "one cursor write per window");
    assertEquals(List.of("e20", "e21", "e22", "e23", "e24"), buffer.waiting());
  }

  @Test
  void aRoundEndsAtTheFirstWindowTheBrokerDidNotFullyTake() {
    Buffer buffer = new Buffer();
    for (int i = 0; i < 12; i++) {
      buffer.add(event("e" + i, "rack-" + (i % 3), i + 1, reading("humidity", "Float64", "40")));
    }
    Broker broker = new Broker(Set.of("e5"));

    // e0 (probe), e1-e3, then e4-e7 of which e5 fails: the round ends there, with e4-e11 waiting.
    ForwardingService service = service(buffer, broker, 4);
    assertEquals(4, service.forwardOnce());
    assertTrue(service.lastRoundFailed());
    assertEquals(4, buffer.cursor);
    assertEquals(List.of("e4", "e5", "e6", "e7", "e8", "e9", "e10", "e11"), buffer.waiting());
  }

  @Test
  void aWindowOfGapsOnlyMovesTheCursorAndIsCounted() {
    Buffer buffer = new Buffer();
    buffer.gapsNext = 3;
    Broker broker = new Broker(Set.of());
    ForwardingService service = service(buffer, broker, 4);

    assertEquals(0, service.forwardOnce());

    assertEquals(3, buffer.cursor);
    assertEquals(3, service.skippedGapsTotal());
    assertEquals(0, broker.attempts);
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
    assertTrue(buffer.waiting().isEmpty());
  }
}
