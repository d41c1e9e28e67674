package dev.setpoint.analytics.application.energy;

import dev.setpoint.analytics.domain.energy.EnergyStore;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.MeterReading;
import dev.setpoint.analytics.domain.energy.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory {@link EnergyStore} that keeps points as InfluxDB does: one per series (tags) and
 * time, a second write overwriting the first.
 */
public class FakeEnergyStore implements EnergyStore {
  public record Key(Meter meter, String kind, long timeMs) {}

  /** Readings per device and quantity. */
  final Map<String, List<MeterReading>> readings = new TreeMap<>();

  public final Map<Key, MeterHour> hours = new LinkedHashMap<>();
  public final Map<Key, MeterAnomaly> anomalies = new LinkedHashMap<>();
  int writes;

  void add(String device, Quantity quantity, MeterReading reading) {
    readings.computeIfAbsent(device + "/" + quantity.code(), k -> new ArrayList<>()).add(reading);
  }

  private List<MeterReading> of(String device, Quantity quantity) {
    List<MeterReading> list =
        new ArrayList<>(readings.getOrDefault(device + "/" + quantity.code(), List.of()));
    list.sort(Comparator.comparingLong(MeterReading::timeMs));
    return list;
  }

  @Override
  public Map<String, Set<Quantity>> meters(Instant since, Instant hoursSince) {
    Map<String, Set<Quantity>> meters = new TreeMap<>();
    hours.values().stream()
        .filter(h -> h.hour().hourStartMs() >= hoursSince.toEpochMilli())
        .forEach(
            h ->
                meters
                    .computeIfAbsent(h.meter().device(), d -> EnumSet.noneOf(Quantity.class))
                    .add(h.meter().quantity()));
    readings.forEach(
        (key, list) -> {
          String device = key.substring(0, key.lastIndexOf('/'));
          Quantity q = Quantity.fromCode(key.substring(key.lastIndexOf('/') + 1)).orElseThrow();
          if (list.stream()
              .anyMatch(r -> r.counter() != null && r.timeMs() >= since.toEpochMilli())) {
            meters.computeIfAbsent(device, d -> EnumSet.noneOf(Quantity.class)).add(q);
          }
        });
    return meters;
  }

  @Override
  public List<MeterReading> readings(String device, Quantity quantity, Instant from, Instant to) {
    return of(device, quantity).stream()
        .filter(r -> r.timeMs() >= from.toEpochMilli() && r.timeMs() <= to.toEpochMilli())
        .toList();
  }

  @Override
  public Optional<MeterReading> lastCounterBefore(
      String device, Quantity quantity, Instant before, Instant since) {
    return of(device, quantity).stream()
        .filter(r -> r.counter() != null)
        .filter(r -> r.timeMs() < before.toEpochMilli() && r.timeMs() >= since.toEpochMilli())
        .reduce((a, b) -> b);
  }

  @Override
  public List<MeterAnomaly> anomalies(String device, Quantity quantity, Instant from, Instant to) {
    return anomalies.values().stream()
        .filter(a -> a.meter().device().equals(device) && a.meter().quantity() == quantity)
        .filter(a -> within(a.anomaly().fromMs(), from, to))
        .toList();
  }

  @Override
  public void write(List<MeterHour> newHours, List<MeterAnomaly> newAnomalies) {
    writes++;
    newHours.forEach(h -> hours.put(new Key(h.meter(), null, h.hour().hourStartMs()), h));
    newAnomalies.forEach(
        a -> anomalies.put(new Key(a.meter(), a.anomaly().kind().code(), a.anomaly().fromMs()), a));
  }

  @Override
  public List<MeterHour> hoursOfRoom(String room, Instant from, Instant to) {
    return hours.values().stream()
        .filter(h -> h.meter().room().equals(room))
        .filter(h -> within(h.hour().hourStartMs(), from, to))
        .toList();
  }

  @Override
  public List<MeterAnomaly> anomaliesOfRoom(String room, Instant from, Instant to) {
    return anomalies.values().stream()
        .filter(a -> a.meter().room().equals(room))
        .filter(a -> within(a.anomaly().fromMs(), from, to))
        .toList();
  }

  @Override
  public boolean hasRoom(String room) {
    return hours.values().stream().anyMatch(h -> h.meter().room().equals(room));
  }

  private static boolean within(long t, Instant from, Instant to) {
    return t >= from.toEpochMilli() && t < to.toEpochMilli();
  }
}
