package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.ingest.domain.EventFilter;
import dev.setpoint.ingest.domain.EventQueries;
import dev.setpoint.ingest.domain.EventRetention;
import dev.setpoint.ingest.domain.Page;
import dev.setpoint.ingest.domain.ReadingFilter;
import dev.setpoint.ingest.domain.StoredReading;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class EventQueryServiceTest {
  private static final long T0 = 1_764_316_800_000_000_000L;
  private static final Instant NOW = Instant.ofEpochSecond(1_764_316_900L, 500);

  /** The edge buffer as a list, queried the way the port promises: newest first. */
  private static final class ListedEvents implements EventQueries, EventRetention {
    final List<BufferedEvent> events = new ArrayList<>();
    long purgedBefore = -1;

    private Predicate<BufferedEvent> test(EventFilter filter) {
      return switch (filter) {
        case EventFilter.All all -> e -> true;
        case EventFilter.Device device -> e -> e.deviceName().equals(device.deviceName());
        case EventFilter.Profile p -> e -> e.profileName().equals(p.profileName());
        case EventFilter.DeviceOfProfile d ->
            e -> e.deviceName().equals(d.deviceName()) && e.profileName().equals(d.profileName());
        case EventFilter.OriginRange r ->
            e -> e.origin() >= r.startNanos() && e.origin() <= r.endNanos();
      };
    }

    private List<StoredReading> readings(ReadingFilter filter) {
      List<StoredReading> all = new ArrayList<>();
      for (BufferedEvent e : events) {
        for (BufferedReading r : e.readings()) {
          boolean match =
              switch (filter) {
                case ReadingFilter.All all1 -> true;
                case ReadingFilter.Device d -> e.deviceName().equals(d.deviceName());
                case ReadingFilter.Resource res -> r.resourceName().equals(res.resourceName());
                case ReadingFilter.ResourceOfProfile res ->
                    r.resourceName().equals(res.resourceName())
                        && e.profileName().equals(res.profileName());
              };
          if (match) {
            all.add(new StoredReading(e.deviceName(), e.profileName(), r));
          }
        }
      }
      all.sort(Comparator.comparingLong((StoredReading s) -> s.reading().origin()).reversed());
      return all;
    }

    @Override
    public Optional<BufferedEvent> event(String id) {
      return events.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public List<BufferedEvent> events(EventFilter filter, int offset, int limit) {
      return events.stream()
          .filter(test(filter))
          .sorted(Comparator.comparingLong(BufferedEvent::origin).reversed())
          .skip(offset)
          .limit(limit)
          .toList();
    }

    @Override
    public long countEvents(EventFilter filter) {
      return events.stream().filter(test(filter)).count();
    }

    @Override
    public List<StoredReading> readings(ReadingFilter filter, int offset, int limit) {
      return readings(filter).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long countReadings(ReadingFilter filter) {
      return readings(filter).size();
    }

    @Override
    public long deleteSettledBefore(long originBeforeNanos) {
      purgedBefore = originBeforeNanos;
      return 3;
    }
  }

  private final ListedEvents store = new ListedEvents();
  private final EventQueryService service =
      new EventQueryService(store, store, 10, Clock.fixed(NOW, ZoneOffset.UTC));

  private static BufferedEvent event(int n, String device) {
    long origin = T0 + 10L * n;
    return new BufferedEvent(
        "id-" + n,
        device,
        "room-sensor",
        "climate",
        origin,
        List.of(
            new BufferedReading("r-" + n + "-t", origin, "temperature", "Float64", "2" + n, "degC"),
            new BufferedReading("r-" + n + "-h", origin + 1, "humidity", "Float64", "4" + n, null)),
        EventState.PENDING,
        1L,
        null);
  }

  private void store(int count) {
    for (int n = 0; n < count; n++) {
      store.events.add(event(n, n % 2 == 0 ? "even" : "odd"));
    }
  }

  @Test
  void pagesComeNewestFirstWithTheTotal() {
    store(25);
    Page<Event> first = service.allEvents(null, null);
    assertEquals(25, first.totalCount());
    assertEquals(10, first.items().size(), "limit defaults to at most the maximum");
    assertEquals("id-24", first.items().get(0).id());

    Page<Event> last = service.allEvents("20", "-1");
    assertEquals(
        List.of("id-4", "id-3", "id-2", "id-1", "id-0"),
        last.items().stream().map(Event::id).toList());
    assertEquals(25, service.allEvents("30", "5").totalCount());
    assertTrue(service.allEvents("30", "5").items().isEmpty());
  }

  @Test
  void eventsComeBackInTheEdgeXShape() {
    store(1);
    Event event = service.event("id-0");
    assertEquals("v3", event.apiVersion());
    assertEquals("even", event.deviceName());
    assertEquals(BigInteger.valueOf(T0), event.origin());
    Reading humidity = event.readings().get(1);
    assertEquals("r-0-h", humidity.id());
    assertEquals("even", humidity.deviceName());
    assertEquals("room-sensor", humidity.profileName());
    assertEquals(BigInteger.valueOf(T0 + 1), humidity.origin());
    assertEquals("40", humidity.value());
    assertEquals(null, humidity.units());
    assertThrows(EventNotFoundException.class, () -> service.event("id-9"));
  }

  @Test
  void filtersByDeviceAndTimeRange() {
    store(10);
    assertEquals(5, service.eventsOfDevice("odd", null, null).totalCount());
    assertEquals(5, service.countEventsOfDevice("even"));
    assertEquals(10, service.countEvents());
    Page<Event> range =
        service.eventsBetween(Long.toString(T0 + 20), Long.toString(T0 + 40), null, null);
    assertEquals(List.of("id-4", "id-3", "id-2"), range.items().stream().map(Event::id).toList());
  }

  @Test
  void badTimeRangesNameTheParameter() {
    assertEquals(
        "path parameter start must be an integer number of nanoseconds, was 'yesterday'",
        assertThrows(
                InvalidQueryException.class,
                () -> service.eventsBetween("yesterday", "1", null, null))
            .getMessage());
    assertEquals(
        "path parameter end must not be negative, was -1",
        assertThrows(
                InvalidQueryException.class, () -> service.eventsBetween("0", "-1", null, null))
            .getMessage());
    assertEquals(
        "path parameter end (1) must not be before start (2)",
        assertThrows(InvalidQueryException.class, () -> service.eventsBetween("2", "1", null, null))
            .getMessage());
    assertThrows(
        ResultLimitExceededException.class, () -> service.eventsBetween("1", "2", null, "11"));
  }

  @Test
  void readingsPageAcrossEventsNewestFirst() {
    store(3);
    Page<Reading> all = service.allReadings(null, "4");
    assertEquals(6, all.totalCount());
    assertEquals(
        List.of("r-2-h", "r-2-t", "r-1-h", "r-1-t"),
        all.items().stream().map(Reading::id).toList());
    assertEquals(3, service.readingsOfResource("humidity", null, null).totalCount());
    assertEquals(
        List.of("r-1-h", "r-1-t"),
        service.readingsOfDevice("odd", null, null).items().stream().map(Reading::id).toList());
  }

  @Test
  void theAgePurgeCountsBackFromNowInNanoseconds() {
    assertEquals(3, service.deleteSettledOlderThan("1000"));
    assertEquals(NOW.getEpochSecond() * 1_000_000_000L + 500 - 1000, store.purgedBefore);
    assertThrows(InvalidQueryException.class, () -> service.deleteSettledOlderThan("-5"));
    assertThrows(InvalidQueryException.class, () -> service.deleteSettledOlderThan("1h"));
  }
}
