package dev.setpoint.analytics.application.energy;

import dev.setpoint.analytics.application.history.HistoryRange;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.EnergyStore;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.Quantity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operators' energy reads per room: its meters' stored hours summed per hour or UTC day, and
 * its meters' anomalies. Every refusal names its parameter ({@link InvalidHistoryRequestException},
 * 400).
 */
public class EnergyService {
  public static final String HOUR = "hour";
  public static final String DAY = "day";

  /** Longest range of hourly rows (744 rows). */
  public static final Duration MAX_HOURS = Duration.ofDays(31);

  /** Longest range of daily rows. */
  public static final Duration MAX_DAYS = Duration.ofDays(400);

  /** Longest range of anomalies. */
  public static final Duration MAX_ANOMALIES = Duration.ofDays(31);

  static final Duration DEFAULT_HOURS = Duration.ofHours(48);
  static final Duration DEFAULT_DAYS = Duration.ofDays(30);
  static final Duration DEFAULT_ANOMALIES = Duration.ofDays(7);
  static final int MAX_NAME_LENGTH = 256;

  private static final long HOUR_MS = EnergyRollup.HOUR_MS;
  private static final long DAY_MS = 24 * HOUR_MS;

  private final EnergyStore store;
  private final Clock clock;

  public EnergyService(EnergyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Whether any hour is stored for the room (a room analytics has not seen since it started). */
  public boolean hasRoom(String room) {
    return store.hasRoom(room);
  }

  /**
   * The room's rows of {@code step} ({@code hour}, the default, or {@code day}) from {@code from}
   * (default 48 hours or 30 days ago; down to its hour or UTC day) to {@code to} (default now),
   * each up to now.
   */
  public EnergyReport energy(String room, String from, String to, String step) {
    checkRoom(room);
    String unit = blank(step) ? HOUR : step.strip();
    if (!unit.equals(HOUR) && !unit.equals(DAY)) {
      throw new InvalidHistoryRequestException(
          "step", "must be hour or day, not '" + printable(unit) + "'");
    }
    boolean daily = unit.equals(DAY);
    Instant now = clock.instant();
    Instant end = blank(to) ? now : HistoryRange.instant("to", to.strip());
    Instant start =
        blank(from)
            ? end.minus(daily ? DEFAULT_DAYS : DEFAULT_HOURS)
            : HistoryRange.instant("from", from.strip());
    long stepMs = daily ? DAY_MS : HOUR_MS;
    start = Instant.ofEpochMilli(Math.floorDiv(start.toEpochMilli(), stepMs) * stepMs);
    checkSpan(start, end, daily ? MAX_DAYS : MAX_HOURS, "step=" + unit);

    long last = Math.min(end.toEpochMilli() - 1, now.toEpochMilli());
    Map<String, Map<Long, HourEnergy>> byMeter = new TreeMap<>();
    List<EnergyRow> hours = hourRows(room, start, end, byMeter);
    List<EnergyRow> rows = daily ? days(hours, start.toEpochMilli(), last) : hours;
    return new EnergyReport(room, start, end, unit, List.copyOf(byMeter.keySet()), rows);
  }

  /**
   * The room's hourly rows from {@code start} (down to its UTC hour) to {@code end}, up to now,
   * with no limit on the span: for the savings, which fit and compare months of hours.
   */
  public List<EnergyRow> hours(String room, Instant start, Instant end) {
    Instant from = Instant.ofEpochMilli(Math.floorDiv(start.toEpochMilli(), HOUR_MS) * HOUR_MS);
    return hourRows(room, from, end, new TreeMap<>());
  }

  /** The hours up to now; {@code byMeter} is filled with each meter's stored hours. */
  private List<EnergyRow> hourRows(
      String room, Instant start, Instant end, Map<String, Map<Long, HourEnergy>> byMeter) {
    long last = Math.min(end.toEpochMilli() - 1, clock.instant().toEpochMilli());
    List<MeterHour> stored = store.hoursOfRoom(room, start, end);
    Map<String, Quantity> quantities = new HashMap<>();
    for (MeterHour h : stored) {
      String meter = h.meter().device() + "/" + h.meter().quantity().code();
      quantities.put(meter, h.meter().quantity());
      byMeter
          .computeIfAbsent(meter, m -> new HashMap<>())
          .merge(h.hour().hourStartMs(), h.hour(), EnergyService::moreSeen);
    }
    List<EnergyRow> hours = new ArrayList<>();
    for (long t = start.toEpochMilli(); t <= last; t += HOUR_MS) {
      hours.add(hour(t, byMeter, quantities));
    }
    return hours;
  }

  /**
   * The room's anomalies that touch {@code [from, to)} (default the last 7 days), newest first;
   * pieces a later roll-up cleared are left out, and the hourly pieces of one anomaly joined.
   */
  public AnomalyReport anomalies(String room, String from, String to) {
    checkRoom(room);
    Instant now = clock.instant();
    Instant end = blank(to) ? now : HistoryRange.instant("to", to.strip());
    Instant start =
        blank(from) ? end.minus(DEFAULT_ANOMALIES) : HistoryRange.instant("from", from.strip());
    checkSpan(start, end, MAX_ANOMALIES, "anomalies");
    List<MeterAnomaly> pieces =
        new ArrayList<>(
            store.anomaliesOfRoom(room, start, end).stream().filter(a -> !a.cleared()).toList());
    pieces.sort(
        Comparator.comparing((MeterAnomaly a) -> a.meter().device())
            .thenComparing(a -> a.meter().quantity())
            .thenComparing(a -> a.anomaly().kind())
            .thenComparingLong(a -> a.anomaly().fromMs()));
    List<RoomAnomaly> joined = new ArrayList<>();
    MeterAnomaly current = null;
    long currentFrom = 0;
    for (MeterAnomaly piece : pieces) {
      if (current != null && continues(current, piece)) {
        current = piece;
        continue;
      }
      if (current != null) {
        joined.add(anomaly(current, currentFrom));
      }
      current = piece;
      currentFrom = piece.anomaly().fromMs();
    }
    if (current != null) {
      joined.add(anomaly(current, currentFrom));
    }
    joined.sort(Comparator.comparing(RoomAnomaly::from).reversed());
    return new AnomalyReport(room, start, end, joined);
  }

  /** The next hour's piece of the same anomaly: same meter and kind, starting where it ended. */
  private static boolean continues(MeterAnomaly previous, MeterAnomaly next) {
    return previous.meter().device().equals(next.meter().device())
        && previous.meter().quantity() == next.meter().quantity()
        && previous.anomaly().kind() == next.anomaly().kind()
        && previous.anomaly().toMs() == next.anomaly().fromMs();
  }

  /** The joined anomaly, with the detail of its last piece (the latest roll-up's words). */
  private static RoomAnomaly anomaly(MeterAnomaly last, long fromMs) {
    EnergyAnomaly a = last.anomaly();
    return new RoomAnomaly(
        last.meter().device(),
        last.meter().quantity().code(),
        a.kind().code(),
        Instant.ofEpochMilli(fromMs),
        Instant.ofEpochMilli(a.toMs()),
        a.detail());
  }

  /** Of two points of one meter's hour (filed under two sites), the one that saw more. */
  private static HourEnergy moreSeen(HourEnergy a, HourEnergy b) {
    long seenA = a.coveredMs() + a.gapMs() + a.excludedMs();
    long seenB = b.coveredMs() + b.gapMs() + b.excludedMs();
    return seenB > seenA ? b : a;
  }

  private static EnergyRow hour(
      long t, Map<String, Map<Long, HourEnergy>> byMeter, Map<String, Quantity> quantities) {
    Double cooling = null;
    Double it = null;
    long covered = byMeter.isEmpty() ? 0 : Long.MAX_VALUE;
    long gap = 0;
    long excluded = 0;
    int resets = 0;
    boolean complete = !byMeter.isEmpty();
    for (Map.Entry<String, Map<Long, HourEnergy>> meter : byMeter.entrySet()) {
      HourEnergy e = meter.getValue().get(t);
      double kwh = e == null ? 0 : e.kwh();
      if (quantities.get(meter.getKey()) == Quantity.COOLING) {
        cooling = (cooling == null ? 0 : cooling) + kwh;
      } else {
        it = (it == null ? 0 : it) + kwh;
      }
      if (e == null) {
        covered = 0;
        complete = false;
        continue;
      }
      covered = Math.min(covered, e.coveredMs());
      gap = Math.max(gap, e.gapMs());
      excluded = Math.max(excluded, e.excludedMs());
      resets += e.resets();
      complete &= e.complete();
    }
    return new EnergyRow(
        Instant.ofEpochMilli(t),
        cooling,
        it,
        covered / 1000.0,
        gap / 1000.0,
        excluded / 1000.0,
        resets,
        complete);
  }

  /** The hours summed per UTC day; a day is complete when all its 24 hours are. */
  private static List<EnergyRow> days(List<EnergyRow> hours, long start, long last) {
    List<EnergyRow> days = new ArrayList<>();
    int i = 0;
    for (long day = start; day <= last; day += DAY_MS) {
      Double cooling = null;
      Double it = null;
      double covered = 0;
      double gap = 0;
      double excluded = 0;
      int resets = 0;
      int completeHours = 0;
      for (; i < hours.size() && hours.get(i).time().toEpochMilli() < day + DAY_MS; i++) {
        EnergyRow h = hours.get(i);
        cooling = add(cooling, h.coolingKwh());
        it = add(it, h.itKwh());
        covered += h.coveredSeconds();
        gap += h.gapSeconds();
        excluded += h.excludedSeconds();
        resets += h.resets();
        completeHours += h.complete() ? 1 : 0;
      }
      days.add(
          new EnergyRow(
              Instant.ofEpochMilli(day),
              cooling,
              it,
              covered,
              gap,
              excluded,
              resets,
              completeHours == 24));
    }
    return days;
  }

  private static Double add(Double sum, Double value) {
    if (value == null) {
      return sum;
    }
    return sum == null ? value : sum + value;
  }

  private static void checkSpan(Instant start, Instant end, Duration max, String what) {
    if (!end.isAfter(start)) {
      throw new InvalidHistoryRequestException("to", "must be after from");
    }
    if (Duration.between(start, end).compareTo(max) > 0) {
      throw new InvalidHistoryRequestException(
          "from", "the range may span at most " + max.toDays() + " days for " + what);
    }
  }

  /** Room names reach InfluxQL only as escaped literals; control characters are refused too. */
  private static void checkRoom(String room) {
    if (blank(room)) {
      throw new InvalidHistoryRequestException("room", "is required");
    }
    if (room.length() > MAX_NAME_LENGTH) {
      throw new InvalidHistoryRequestException(
          "room", "is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (room.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidHistoryRequestException("room", "must not contain control characters");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String printable(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
