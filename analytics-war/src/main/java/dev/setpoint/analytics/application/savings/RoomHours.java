package dev.setpoint.analytics.application.savings;

import dev.setpoint.analytics.application.energy.EnergyRow;
import dev.setpoint.analytics.domain.savings.HourDrivers;
import dev.setpoint.model.mv.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A room's metered hours as the savings use them: each hour's {@link Observation} (cooling energy,
 * cooling + IT where IT is metered, the outdoor temperature and dew point, the compute load), or
 * the reason it cannot be used. Only a complete hour counts (ended, wholly covered by the meters'
 * readings, without a gap, an excluded reading or an anomaly): the energy of a gap is real but how
 * it spread over the hours is not known, and a meter's nonsense must not become savings.
 *
 * <p>The outdoor dew point is the Magnus dew point of the hour's mean temperature and mean relative
 * humidity (within a tenth of a kelvin of the mean of the dew points for an hour's weather).
 *
 * @param hours every hour of the range, oldest first
 * @param itMetered whether any hour has an IT meter's energy (cooling + IT can be measured)
 * @param loadKnown whether the compute load is used: every usable hour then has it, and an hour
 *     without it is excluded
 */
public record RoomHours(List<Hour> hours, boolean itMetered, boolean loadKnown) {
  public static final String NOT_ENDED = "the hour has not ended";
  public static final String NO_METER = "no cooling meter reading";
  public static final String METER_GAP = "meter readings too far apart (energy spread over a gap)";
  public static final String METER_EXCLUDED = "meter readings excluded (a meter anomaly)";
  public static final String METER_INCOMPLETE = "the meters did not cover the whole hour";
  public static final String NO_WEATHER = "no outdoor temperature and humidity";
  public static final String NO_LOAD = "no compute load reading (compute_power)";
  public static final String NO_IT = "no IT meter reading";

  /**
   * One hour.
   *
   * @param observation the hour's values (energies NaN where not metered)
   * @param excluded why the hour cannot be used for the cooling meter, or null
   * @param excludedTotal why it cannot be used for cooling + IT, or null
   */
  public record Hour(Instant time, Observation observation, String excluded, String excludedTotal) {
    public boolean usable(boolean total) {
      return (total ? excludedTotal : excluded) == null;
    }
  }

  /**
   * Joins the room's energy rows with its drivers. {@code useLoad}: true to require the compute
   * load, false to ignore it, null to use it when any hour has it.
   */
  public static RoomHours of(
      List<EnergyRow> rows, List<HourDrivers> drivers, Instant now, Boolean useLoad) {
    Map<Instant, HourDrivers> byHour = new HashMap<>();
    boolean anyLoad = false;
    for (HourDrivers d : drivers) {
      byHour.put(d.hour(), d);
      anyLoad |= d.computeKw() != null;
    }
    boolean load = useLoad == null ? anyLoad : useLoad;
    boolean itMetered = rows.stream().anyMatch(r -> r.itKwh() != null);
    List<Hour> hours = new ArrayList<>();
    for (EnergyRow row : rows) {
      HourDrivers d = byHour.get(row.time());
      double outdoorC = d == null || d.outdoorC() == null ? Double.NaN : d.outdoorC();
      double rh = d == null || d.outdoorRhPct() == null ? Double.NaN : d.outdoorRhPct();
      double dew =
          Double.isFinite(outdoorC) && Double.isFinite(rh)
              ? Observation.dewPointC(outdoorC, rh)
              : Double.NaN;
      double compute = load && d != null && d.computeKw() != null ? d.computeKw() : Double.NaN;
      // an hour no meter reported in at all has no energy (the rows count it as 0 kWh)
      boolean seen = row.coveredSeconds() > 0 || row.gapSeconds() > 0 || row.excludedSeconds() > 0;
      double cooling = row.coolingKwh() == null || !seen ? Double.NaN : row.coolingKwh();
      double total =
          !Double.isFinite(cooling) || row.itKwh() == null ? Double.NaN : cooling + row.itKwh();
      String reason = reason(row, now, dew, load, compute);
      String totalReason = reason != null ? reason : row.itKwh() == null ? NO_IT : null;
      hours.add(
          new Hour(
              row.time(),
              new Observation(row.time(), cooling, total, outdoorC, dew, compute),
              reason,
              totalReason));
    }
    return new RoomHours(List.copyOf(hours), itMetered, load);
  }

  private static String reason(EnergyRow row, Instant now, double dew, boolean load, double kw) {
    if (row.time().plusSeconds(3600).isAfter(now)) {
      return NOT_ENDED;
    }
    if (row.coolingKwh() == null
        || (row.coveredSeconds() == 0 && row.gapSeconds() == 0 && row.excludedSeconds() == 0)) {
      return NO_METER;
    }
    if (!row.complete()) {
      return row.excludedSeconds() > 0
          ? METER_EXCLUDED
          : row.gapSeconds() > 0 ? METER_GAP : METER_INCOMPLETE;
    }
    if (!Double.isFinite(dew)) {
      return NO_WEATHER;
    }
    if (load && !Double.isFinite(kw)) {
      return NO_LOAD;
    }
    return null;
  }

  /** The usable hours' observations for the cooling meter (or cooling + IT), oldest first. */
  public List<Observation> usable(boolean total) {
    return hours.stream().filter(h -> h.usable(total)).map(Hour::observation).toList();
  }

  /** How many hours were left out for each reason, in the order first met. */
  public Map<String, Integer> exclusions(boolean total) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Hour h : hours) {
      String r = total ? h.excludedTotal() : h.excluded();
      if (r != null) {
        counts.merge(r, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The hours within {@code [from, to)}. */
  public RoomHours between(Instant from, Instant to) {
    return new RoomHours(
        hours.stream().filter(h -> !h.time().isBefore(from) && h.time().isBefore(to)).toList(),
        itMetered,
        loadKnown);
  }

  /** The hours by their start. */
  public Map<Instant, Hour> byTime() {
    Map<Instant, Hour> map = new TreeMap<>();
    hours.forEach(h -> map.put(h.time(), h));
    return map;
  }
}
