package dev.setpoint.analytics.application.energy;

import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.domain.energy.Reading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one meter's counter readings into energy per hour: a pure function of its input, so the
 * same readings always give the same hours and anomalies, whoever rolls them up and how often.
 *
 * <p>Each consecutive pair of counter readings (a, b), {@code dt} apart, is judged on its own:
 *
 * <ul>
 *   <li>a negative counter, or a negative power reading within the pair's span: {@link
 *       AnomalyKind#NEGATIVE}, the pair excluded;
 *   <li>b below a, b no more than the plausible energy for {@code dt}: the counter restarted at 0
 *       (or wrapped): b is counted, a {@link AnomalyKind#RESET}; what ran from a to the restart (or
 *       up to the modulus) is not, since it cannot be told: a wrap is taken as a restart, never
 *       credited with {@code M − a} guessed from a round modulus (with the plausible energy of a
 *       minute at 2000 kW, a counter lies that close below one of 10ⁿ, 2ⁿ kWh or 2ⁿ Wh often enough
 *       to invent energy); the reason names the modulus it may have wrapped at. Else {@link
 *       AnomalyKind#DECREASED}, excluded;
 *   <li>b − a above {@code max-power-kw × dt × 1.1}: a {@link AnomalyKind#JUMP}, excluded;
 *   <li>otherwise b − a is counted; a pair further apart than the gap threshold is a gap, its
 *       energy spread evenly over it and its time counted as {@code gap}, never silently.
 * </ul>
 *
 * A pair's energy goes to the hours in proportion to its overlap with each. A run of pairs whose
 * counter stands still while the meter's power reads above {@value #STUCK_POWER_KW} kW for at least
 * {@value #STUCK_MINUTES} minutes is {@link AnomalyKind#STUCK} and excluded (when the counter has
 * shown its resolution, the energy the power accounts for must also exceed one step of it, so a
 * coarse register that ticks slowly is not taken for stuck). No counter reading for longer than the
 * gap threshold up to now is {@link AnomalyKind#SILENT}.
 *
 * <p>Anomalies are returned cut at hour boundaries, one piece per hour they touch, each keyed by
 * its start: a roll-up over any window of whole hours then writes exactly the pieces another
 * roll-up of those hours would, so reruns overwrite rather than add.
 */
public final class EnergyRollup {
  public static final long HOUR_MS = 3_600_000L;

  /** Above this the plant is running, kW. */
  public static final double STUCK_POWER_KW = 0.1;

  /** For at least this long with a flat counter: stuck. */
  public static final long STUCK_MINUTES = 10;

  /** Headroom over the maximum power before a rise is a jump (meters' and clocks' tolerance). */
  static final double JUMP_TOLERANCE = 1.1;

  private EnergyRollup() {}

  /** The hours of {@code [from, to)} and the anomaly pieces within them. */
  public record Result(List<HourEnergy> hours, List<EnergyAnomaly> anomalies) {}

  private enum Use {
    COVERED,
    GAP,
    EXCLUDED
  }

  /**
   * Rolls up the hours {@code [fromMs, toMs)} (whole UTC hours).
   *
   * @param quantity what the meter measures (for the reasons' words)
   * @param counter the counter's readings, kWh, over the hours and the last one before them
   * @param power the meter's power readings, kW, over the same span (may be empty)
   * @param nowMs now: hours ending later are not complete, and silence is measured up to it
   */
  public static Result rollup(
      Quantity quantity,
      List<Reading> counter,
      List<Reading> power,
      long fromMs,
      long toMs,
      long nowMs,
      EnergySettings settings) {
    if (fromMs % HOUR_MS != 0 || toMs % HOUR_MS != 0 || toMs <= fromMs) {
      throw new IllegalArgumentException(
          "roll-up bounds must be whole hours, from before to: " + fromMs + ", " + toMs);
    }
    return new Run(quantity, sorted(counter), sorted(power), fromMs, toMs, nowMs, settings).roll();
  }

  /** Sorted by time; of readings at the same time the last given is kept. */
  private static List<Reading> sorted(List<Reading> readings) {
    List<Reading> copy = new ArrayList<>(readings);
    copy.sort(Comparator.comparingLong(Reading::timeMs));
    List<Reading> out = new ArrayList<>(copy.size());
    for (Reading r : copy) {
      if (!out.isEmpty() && out.getLast().timeMs() == r.timeMs()) {
        out.set(out.size() - 1, r);
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** One roll-up's working state. */
  private static final class Run {
    private final Quantity quantity;
    private final List<Reading> counter;
    private final List<Reading> power;
    private final long from;
    private final long to;
    private final long now;
    private final long gapMs;
    private final double maxPowerKw;
    private final int hourCount;
    private final double[] kwh;
    private final long[] covered;
    private final long[] gap;
    private final long[] excluded;
    private final int[] resets;
    private final boolean[] anomalous;
    private final List<EnergyAnomaly> whole = new ArrayList<>();

    Run(
        Quantity quantity,
        List<Reading> counter,
        List<Reading> power,
        long from,
        long to,
        long now,
        EnergySettings settings) {
      this.quantity = quantity;
      this.counter = counter;
      this.power = power;
      this.from = from;
      this.to = to;
      this.now = now;
      this.gapMs = settings.gap().toMillis();
      this.maxPowerKw = settings.maxPowerKw();
      this.hourCount = (int) ((to - from) / HOUR_MS);
      this.kwh = new double[hourCount];
      this.covered = new long[hourCount];
      this.gap = new long[hourCount];
      this.excluded = new long[hourCount];
      this.resets = new int[hourCount];
      this.anomalous = new boolean[hourCount];
    }

    Result roll() {
      int pairs = Math.max(0, counter.size() - 1);
      Use[] use = new Use[pairs];
      double[] energy = new double[pairs];
      boolean[] flat = new boolean[pairs];
      double resolution = resolution();
      EnergyAnomaly negative = null;
      for (int i = 0; i < pairs; i++) {
        Reading a = counter.get(i);
        Reading b = counter.get(i + 1);
        long dt = b.timeMs() - a.timeMs();
        double delta = b.value() - a.value();
        double plausible = maxPowerKw * dt / HOUR_MS * JUMP_TOLERANCE;
        String negativeReason = negativeReason(a, b);
        if (negativeReason != null) {
          use[i] = Use.EXCLUDED;
          negative = extend(negative, a.timeMs(), b.timeMs(), negativeReason);
          continue;
        }
        if (negative != null) {
          whole.add(negative);
          negative = null;
        }
        if (delta < 0) {
          if (b.value() <= plausible) {
            energy[i] = b.value();
            double modulus = wrapModulus(a.value(), b.value(), plausible);
            reset(
                b.timeMs(),
                a,
                b,
                counterName()
                    + " fell from "
                    + kwh(a.value())
                    + " to "
                    + kwh(b.value())
                    + " kWh: the meter restarted; "
                    + kwh(b.value())
                    + " kWh counted since it restarted at 0, what it ran before the restart is"
                    + " unknown"
                    + (modulus > 0
                        ? " (had it wrapped at "
                            + kwh(modulus)
                            + " kWh, "
                            + kwh(modulus - a.value())
                            + " kWh more ran, not counted)"
                        : ""));
          } else {
            use[i] = Use.EXCLUDED;
            whole.add(
                new EnergyAnomaly(
                    AnomalyKind.DECREASED,
                    a.timeMs(),
                    b.timeMs(),
                    counterName()
                        + " decreased by "
                        + kwh(-delta)
                        + " kWh (from "
                        + kwh(a.value())
                        + " to "
                        + kwh(b.value())
                        + ") in "
                        + seconds(dt)
                        + "; "
                        + kwh(b.value())
                        + " kWh is more than "
                        + kwh(maxPowerKw)
                        + " kW could deliver since a restart ("
                        + kwh(plausible)
                        + " kWh): excluded"));
            continue;
          }
        } else if (delta > plausible) {
          use[i] = Use.EXCLUDED;
          whole.add(
              new EnergyAnomaly(
                  AnomalyKind.JUMP,
                  a.timeMs(),
                  b.timeMs(),
                  counterName()
                      + " rose by "
                      + kwh(delta)
                      + " kWh in "
                      + seconds(dt)
                      + " ("
                      + kwh(delta * HOUR_MS / dt)
                      + " kW on average), more than the plausible "
                      + kwh(maxPowerKw)
                      + " kW allows ("
                      + kwh(plausible)
                      + " kWh): excluded"));
          continue;
        } else {
          energy[i] = delta;
          flat[i] = delta == 0;
        }
        use[i] = dt > gapMs ? Use.GAP : Use.COVERED;
      }
      if (negative != null) {
        whole.add(negative);
      }
      stuck(use, flat, resolution);
      for (int i = 0; i < pairs; i++) {
        allocate(counter.get(i).timeMs(), counter.get(i + 1).timeMs(), energy[i], use[i]);
      }
      silent();
      whole.sort(Comparator.comparingLong(EnergyAnomaly::fromMs));
      List<EnergyAnomaly> pieces = pieces();
      List<HourEnergy> hours = new ArrayList<>(hourCount);
      for (int h = 0; h < hourCount; h++) {
        long start = from + h * HOUR_MS;
        boolean complete =
            start + HOUR_MS <= now
                && covered[h] == HOUR_MS
                && gap[h] == 0
                && excluded[h] == 0
                && !anomalous[h];
        hours.add(
            new HourEnergy(start, kwh[h], covered[h], gap[h], excluded[h], resets[h], complete));
      }
      return new Result(hours, pieces);
    }

    /** Why the pair is excluded for a negative reading, or null. */
    private String negativeReason(Reading a, Reading b) {
      for (Reading r : List.of(a, b)) {
        if (r.value() < 0) {
          return counterName()
              + " read "
              + kwh(r.value())
              + " kWh at "
              + Instant.ofEpochMilli(r.timeMs())
              + ": a counter cannot be negative, its readings around it are excluded";
        }
      }
      double lowest = 0;
      for (Reading p : power) {
        if (p.timeMs() >= a.timeMs() && p.timeMs() <= b.timeMs() && p.value() < lowest) {
          lowest = p.value();
        }
      }
      if (lowest < 0) {
        return quantity.powerField()
            + " read negative (down to "
            + kwh(lowest)
            + " kW): the meter reports nonsense, its counter readings around it are excluded";
      }
      return null;
    }

    /** The anomaly so far extended to the pair, keeping the most negative reason. */
    private static EnergyAnomaly extend(EnergyAnomaly so, long start, long end, String reason) {
      if (so == null) {
        return new EnergyAnomaly(AnomalyKind.NEGATIVE, start, end, reason);
      }
      return new EnergyAnomaly(AnomalyKind.NEGATIVE, so.fromMs(), end, so.detail());
    }

    private void reset(long at, Reading a, Reading b, String detail) {
      int h = hourOf(at);
      if (h >= 0) {
        resets[h]++;
      }
      whole.add(new EnergyAnomaly(AnomalyKind.RESET, a.timeMs(), b.timeMs(), detail));
    }

    /**
     * The counter's step: its smallest plausible rise between readings, or 0 when it showed none.
     */
    private double resolution() {
      double smallest = 0;
      for (int i = 0; i + 1 < counter.size(); i++) {
        double delta = counter.get(i + 1).value() - counter.get(i).value();
        if (delta > 0 && (smallest == 0 || delta < smallest)) {
          smallest = delta;
        }
      }
      return smallest;
    }

    /** Runs of flat pairs while the power says the plant runs: stuck, their time excluded. */
    private void stuck(Use[] use, boolean[] flat, double resolution) {
      int i = 0;
      while (i < flat.length) {
        if (!flat[i]) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < flat.length && flat[j + 1]) {
          j++;
        }
        long start = counter.get(i).timeMs();
        long end = counter.get(j + 1).timeMs();
        double[] running = running(start, end);
        long onMs = (long) running[0];
        double powerKwh = running[1];
        if (onMs >= STUCK_MINUTES * 60_000L && powerKwh > resolution) {
          for (int k = i; k <= j; k++) {
            use[k] = Use.EXCLUDED;
          }
          whole.add(
              new EnergyAnomaly(
                  AnomalyKind.STUCK,
                  start,
                  end,
                  counterName()
                      + " stood at "
                      + kwh(counter.get(i).value())
                      + " kWh for "
                      + minutes(end - start)
                      + " while "
                      + quantity.powerField()
                      + " read above "
                      + STUCK_POWER_KW
                      + " kW for "
                      + minutes(onMs)
                      + " (about "
                      + kwh(powerKwh)
                      + " kWh): the counter is stuck, excluded"));
        }
        i = j + 1;
      }
    }

    /**
     * How long within {@code [start, end]} the power read above {@link #STUCK_POWER_KW} (each
     * reading held until the next, at most the gap threshold), ms, and the energy it accounts for,
     * kWh.
     */
    private double[] running(long start, long end) {
      long onMs = 0;
      double energy = 0;
      for (int k = 0; k < power.size(); k++) {
        Reading p = power.get(k);
        long next = k + 1 < power.size() ? power.get(k + 1).timeMs() : Long.MAX_VALUE;
        long holdEnd = Math.min(Math.min(next, p.timeMs() + gapMs), end);
        long holdStart = Math.max(p.timeMs(), start);
        if (holdEnd <= holdStart || p.value() <= STUCK_POWER_KW) {
          continue;
        }
        onMs += holdEnd - holdStart;
        energy += p.value() * (holdEnd - holdStart) / HOUR_MS;
      }
      return new double[] {onMs, energy};
    }

    /** The pair's energy and time into the hours it overlaps, in proportion to the overlap. */
    private void allocate(long start, long end, double energy, Use use) {
      long dt = end - start;
      if (dt <= 0) {
        return;
      }
      for (int h = Math.max(0, hourIndex(start)); h < hourCount; h++) {
        long hourStart = from + h * HOUR_MS;
        if (hourStart >= end) {
          break;
        }
        long overlap = Math.min(end, hourStart + HOUR_MS) - Math.max(start, hourStart);
        if (overlap <= 0) {
          continue;
        }
        switch (use) {
          case COVERED -> covered[h] += overlap;
          case GAP -> gap[h] += overlap;
          case EXCLUDED -> excluded[h] += overlap;
        }
        if (use != Use.EXCLUDED) {
          kwh[h] += energy * overlap / dt;
        }
      }
    }

    private void silent() {
      long last = counter.isEmpty() ? from : counter.getLast().timeMs();
      if (now - last > gapMs) {
        String since =
            counter.isEmpty()
                ? "no " + counterName() + " reading at all"
                : "no " + counterName() + " reading since " + Instant.ofEpochMilli(last);
        whole.add(
            new EnergyAnomaly(
                AnomalyKind.SILENT,
                last,
                now,
                since
                    + " ("
                    + minutes(now - last)
                    + ", more than the gap of "
                    + minutes(gapMs)
                    + "): the meter is silent"));
      }
    }

    /** The anomalies cut at hour boundaries within {@code [from, to)}; their hours marked. */
    private List<EnergyAnomaly> pieces() {
      List<EnergyAnomaly> pieces = new ArrayList<>();
      for (EnergyAnomaly a : whole) {
        for (int h = Math.max(0, hourIndex(a.fromMs())); h < hourCount; h++) {
          long hourStart = from + h * HOUR_MS;
          long start = Math.max(a.fromMs(), hourStart);
          long end = Math.min(a.toMs(), hourStart + HOUR_MS);
          if (hourStart >= a.toMs()) {
            break;
          }
          if (end <= start) {
            continue;
          }
          anomalous[h] = true;
          pieces.add(new EnergyAnomaly(a.kind(), start, end, a.detail()));
        }
      }
      return pieces;
    }

    /** The index of the hour holding the instant; may lie outside {@code [0, hourCount)}. */
    private int hourIndex(long timeMs) {
      return (int) Math.floorDiv(timeMs - from, HOUR_MS);
    }

    /** The index of the hour holding the instant, or -1 outside the rolled-up hours. */
    private int hourOf(long timeMs) {
      int h = hourIndex(timeMs);
      return h >= 0 && h < hourCount ? h : -1;
    }

    private String counterName() {
      return quantity.counterField();
    }
  }

  /**
   * The modulus the counter may have wrapped at, or 0: the smallest round modulus M (10ⁿ kWh, 2ⁿ
   * kWh or 2ⁿ Wh) above both readings such that running from a up to M and then from 0 to b is
   * plausible. Only named in the reason: a wrap cannot be told from a restart.
   */
  static double wrapModulus(double a, double b, double plausible) {
    double best = 0;
    for (int n = 10; n <= 48; n++) {
      best = smaller(best, Math.scalb(1.0, n), a, b, plausible);
      best = smaller(best, Math.scalb(1.0, n + 6) / 1000, a, b, plausible);
    }
    for (int n = 3; n <= 15; n++) {
      best = smaller(best, Math.pow(10, n), a, b, plausible);
    }
    return best;
  }

  private static double smaller(double best, double modulus, double a, double b, double plausible) {
    boolean fits = modulus > a && modulus > b && modulus - a + b <= plausible;
    return fits && (best == 0 || modulus < best) ? modulus : best;
  }

  /** kWh or kW in words: at most three decimals, no trailing zeros. */
  static String kwh(double value) {
    return BigDecimal.valueOf(value)
        .setScale(3, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String seconds(long ms) {
    return kwh(ms / 1000.0) + " s";
  }

  private static String minutes(long ms) {
    return kwh(ms / 60_000.0) + " min";
  }
}
