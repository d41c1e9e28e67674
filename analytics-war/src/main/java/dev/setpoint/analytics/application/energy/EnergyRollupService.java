package dev.setpoint.analytics.application.energy;

import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.EnergyStore;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.MeterReading;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.domain.energy.Reading;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rolls the meters' hours up from their counters as stored, every round: for each device that
 * reported a counter within the lookback, its readings since the lookback's first whole hour (and
 * the last one before it) go through {@link EnergyRollup}, and the hours up to the current one (not
 * complete) and their anomaly pieces are written back. Nothing is kept in memory between rounds, so
 * a restart, a redelivered message or a late reading changes nothing but what the readings say.
 *
 * <p>When the reading before the window is more than the gap threshold before it and the meter has
 * spoken again within it (a silence ended), the window reaches back to that reading's hour, at most
 * {@link #BACKFILL}, so the gap's energy reaches the hours it spans. A meter still silent has its
 * hours within the window written as uncovered and its silence carried on, for as long as its last
 * reading lies within {@link #BACKFILL}. Each hour is filed under the room (and site) of the
 * meter's last reading in it, or before it: a device that moved keeps its past hours in its past
 * room. Anomaly pieces stored earlier within the window that this round no longer finds (silence
 * that late data filled) are marked cleared.
 */
public class EnergyRollupService {
  private static final Logger LOG = Logger.getLogger(EnergyRollupService.class.getName());

  /** How far back the reading before a window is looked for. */
  public static final Duration BACKFILL = Duration.ofDays(32);

  private static final long HOUR = EnergyRollup.HOUR_MS;

  private final EnergyStore store;
  private final EnergySettings settings;
  private final Clock clock;
  private final Map<Late, Long> late = new ConcurrentHashMap<>();

  private final Map<Late, MeterAnomaly> newest = new java.util.concurrent.ConcurrentHashMap<>();

  public EnergyRollupService(EnergyStore store, EnergySettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  public EnergySettings settings() {
    return settings;
  }

  /**
   * One round over every meter that reported within the lookback; a meter that fails is logged and
   * the others still rolled up.
   *
   * @return how many meters were rolled up
   */
  public int rollUp(Duration lookback) {
    Instant now = clock.instant();
    Map<String, Set<Quantity>> meters =
        new TreeMap<>(store.meters(now.minus(lookback), now.minus(BACKFILL)));
    Map<Late, Long> late = new HashMap<>();
    for (Late key : List.copyOf(this.late.keySet())) {
      Long origin = this.late.remove(key);
      if (origin != null) {
        late.put(key, origin);
        meters
            .computeIfAbsent(key.device(), d -> EnumSet.noneOf(Quantity.class))
            .add(key.quantity());
      }
    }
    int done = 0;
    for (Map.Entry<String, Set<Quantity>> meter : meters.entrySet()) {
      for (Quantity quantity : meter.getValue()) {
        Late key = new Late(meter.getKey(), quantity);
        Long origin = late.get(key);
        Duration reach = lookback;
        if (origin != null) {
          Duration back = Duration.ofMillis(now.toEpochMilli() - floorHour(origin));
          reach =
              back.compareTo(BACKFILL) > 0 ? BACKFILL : back.compareTo(reach) > 0 ? back : reach;
        }
        try {
          rollUp(meter.getKey(), quantity, now, reach);
          done++;
        } catch (RuntimeException e) {
          if (origin != null) {
            this.late.merge(key, origin, Math::min);
          }
          LOG.log(
              Level.WARNING,
              "rolling up the " + quantity.code() + " energy of " + meter.getKey() + " failed",
              e);
        }
      }
    }
    return done;
  }

  /**
   * Told of each stored message: a counter reading older than the lookback's reach (an edge hub
   * that delivers a long outage's backlog) makes the next round re-derive that meter's hours from
   * the reading's hour on (at most {@link #BACKFILL}). Only a hint of where to look: what is rolled
   * up is still what the store holds, and a restart's 48-hour round covers a hint lost with it.
   */
  public void noteStored(TelemetryMessage message) {
    long originMs = Math.floorDiv(message.origin(), 1_000_000L);
    long reach = floorHour(clock.millis() - settings.lookback().toMillis()) + HOUR;
    if (originMs >= reach || message.readings() == null) {
      return;
    }
    for (TelemetryReading reading : message.readings()) {
      for (Quantity quantity : Quantity.values()) {
        if (quantity.counterField().equals(reading.resource())) {
          late.merge(new Late(message.device(), quantity), originMs, Math::min);
        }
      }
    }
  }

  /** A meter with late readings. */
  private record Late(String device, Quantity quantity) {}

  /**
   * Each meter's newest anomaly piece that ended at or after {@code since}, as the last rounds
   * found them (for the alerts: a meter that stopped, reset or reports nonsense).
   */
  public List<MeterAnomaly> recentAnomalies(Instant since) {
    return newest.values().stream()
        .filter(a -> a.anomaly().toMs() >= since.toEpochMilli())
        .toList();
  }

  /** Rolls up one meter's hours from the lookback's first whole hour to the current one. */
  void rollUp(String device, Quantity quantity, Instant now, Duration lookback) {
    long nowMs = now.toEpochMilli();
    long window = floorHour(nowMs - lookback.toMillis());
    Optional<MeterReading> before = lastBefore(device, quantity, window);
    List<MeterReading> stored = store.readings(device, quantity, Instant.ofEpochMilli(window), now);
    boolean resumed = stored.stream().anyMatch(r -> r.counter() != null);
    if (resumed
        && before.isPresent()
        && window - before.get().timeMs() > settings.gap().toMillis()) {
      // a silence ended within the window: its energy belongs to every hour it spans
      window = floorHour(before.get().timeMs());
      before = lastBefore(device, quantity, window);
      stored = store.readings(device, quantity, Instant.ofEpochMilli(window), now);
    }
    List<MeterReading> counterPoints = new ArrayList<>();
    before.ifPresent(counterPoints::add);
    List<Reading> power = new ArrayList<>();
    for (MeterReading r : stored) {
      if (r.counter() != null) {
        counterPoints.add(r);
      }
      if (r.power() != null) {
        power.add(new Reading(r.timeMs(), r.power()));
      }
    }
    if (counterPoints.isEmpty()) {
      return;
    }
    long from = before.isPresent() ? window : floorHour(counterPoints.getFirst().timeMs());
    long to = floorHour(nowMs) + HOUR;
    List<Reading> counter =
        counterPoints.stream().map(r -> new Reading(r.timeMs(), r.counter())).toList();
    EnergyRollup.Result result =
        EnergyRollup.rollup(quantity, counter, power, from, to, nowMs, settings);

    List<MeterHour> hours = new ArrayList<>();
    for (HourEnergy hour : result.hours()) {
      hours.add(new MeterHour(meterAt(device, quantity, counterPoints, hour.hourStartMs()), hour));
    }
    List<MeterAnomaly> anomalies = new ArrayList<>();
    Set<String> found = new HashSet<>();
    MeterAnomaly latest = null;
    for (EnergyAnomaly piece : result.anomalies()) {
      Meter meter = meterAt(device, quantity, counterPoints, floorHour(piece.fromMs()));
      MeterAnomaly found1 = new MeterAnomaly(meter, piece, false);
      anomalies.add(found1);
      found.add(key(meter, piece));
      if (latest == null || piece.toMs() > latest.anomaly().toMs()) {
        latest = found1;
      }
    }
    if (latest != null) {
      newest.put(new Late(device, quantity), latest);
    } else {
      newest.remove(new Late(device, quantity));
    }
    for (MeterAnomaly old :
        store.anomalies(device, quantity, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
      if (!old.cleared() && !found.contains(key(old.meter(), old.anomaly()))) {
        anomalies.add(new MeterAnomaly(old.meter(), old.anomaly(), true));
      }
    }
    store.write(hours, anomalies);
  }

  private Optional<MeterReading> lastBefore(String device, Quantity quantity, long before) {
    Instant at = Instant.ofEpochMilli(before);
    return store.lastCounterBefore(device, quantity, at, at.minus(BACKFILL));
  }

  /**
   * The meter's tags in the hour starting then: the room and site of its last counter reading
   * before the hour ends, else of its first.
   */
  static Meter meterAt(
      String device, Quantity quantity, List<MeterReading> readings, long hourStartMs) {
    MeterReading chosen = readings.getFirst();
    for (MeterReading r : readings) {
      if (r.timeMs() >= hourStartMs + HOUR) {
        break;
      }
      chosen = r;
    }
    String room = chosen.room() != null ? chosen.room() : device;
    return new Meter(device, quantity, room, chosen.site());
  }

  /** What identifies a stored anomaly piece: its series and time. */
  private static String key(Meter meter, EnergyAnomaly piece) {
    return meter.room()
        + '\u0000'
        + meter.site()
        + '\u0000'
        + piece.kind().code()
        + '\u0000'
        + piece.fromMs();
  }

  static long floorHour(long ms) {
    return Math.floorDiv(ms, HOUR) * HOUR;
  }
}
