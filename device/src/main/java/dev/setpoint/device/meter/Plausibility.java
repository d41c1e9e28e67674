package dev.setpoint.device.meter;

import dev.setpoint.device.meter.MeterException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses readings that cannot be right, so that no savings are computed from them: a value that is
 * not finite, a power below a small negative tolerance or above the rated power, an energy counter
 * that went down (the meter was reset or replaced) or rose faster than the rated power allows. The
 * counter checks compare with the last good reading; after a reset or a jump the counter's new
 * value is the baseline, so one refusal marks the break and the readings after it are accepted.
 */
final class Plausibility {
  /** Margin on the rated power for the counter's rise (meter accuracy, clock jitter). */
  private static final double RISE_MARGIN = 1.1;

  private final double ratedPowerKw;
  private final double negativeToleranceKw;
  private final Register energyRegister;
  private Instant lastTime;
  private double lastEnergyKwh = Double.NaN;

  /**
   * @param ratedPowerKw the most the metered unit can draw, kW
   * @param energyRegister the energy counter's register, for its resolution (null: not read)
   */
  Plausibility(double ratedPowerKw, Register energyRegister) {
    this.ratedPowerKw = ratedPowerKw;
    // a CT's phase error reads an idle unit slightly negative; half a percent of rated, at least 50
    // W
    this.negativeToleranceKw = Math.max(0.05, 0.005 * ratedPowerKw);
    this.energyRegister = energyRegister;
  }

  /**
   * Checks a reading whose registers decoded to finite numbers (a NaN register is refused before,
   * since NaN here means "not read").
   */
  void check(MeterReading r) throws MeterException {
    if (r.hasPower()) {
      power("power", r.powerKw(), true);
    }
    if (r.itPowerKw().isPresent()) {
      power("IT power", r.itPowerKw().getAsDouble(), false);
    }
    if (r.itEnergyKwh().isPresent()) {
      double it = r.itEnergyKwh().getAsDouble();
      if (!Double.isFinite(it) || it < 0) {
        throw new MeterException(Reason.NONSENSE, "IT energy counter reads " + it + " kWh");
      }
    }
    if (!r.hasEnergy()) {
      return;
    }
    double energy = r.energyKwh();
    if (Double.isInfinite(energy) || energy < 0) {
      throw new MeterException(Reason.NONSENSE, "energy counter reads " + energy + " kWh");
    }
    if (Double.isNaN(lastEnergyKwh)) {
      accept(r);
      return;
    }
    double step = energyRegister == null ? 0.001 : energyRegister.resolution(lastEnergyKwh);
    double rise = energy - lastEnergyKwh;
    if (rise < -step) {
      String was = kwh(lastEnergyKwh);
      accept(r);
      throw new MeterException(
          Reason.COUNTER_RESET,
          "energy counter went down from "
              + was
              + " to "
              + kwh(energy)
              + ": meter reset or replaced");
    }
    double hours = Math.max(0, Duration.between(lastTime, r.time()).toMillis()) / 3_600_000.0;
    double most = ratedPowerKw * hours * RISE_MARGIN + 2 * Math.max(step, 0.001);
    if (rise > most) {
      String was = kwh(lastEnergyKwh);
      accept(r);
      throw new MeterException(
          Reason.COUNTER_JUMP,
          String.format(
              Locale.ROOT,
              "energy counter rose from %s to %s in %.0f s, more than %.4g kWh that %s kW can deliver",
              was,
              kwh(energy),
              hours * 3600,
              most,
              ratedPowerKw));
    }
    accept(r);
  }

  private void power(String what, double kw, boolean rated) throws MeterException {
    if (!Double.isFinite(kw)) {
      throw new MeterException(Reason.NONSENSE, what + " reads " + kw);
    }
    if (kw < -negativeToleranceKw) {
      throw new MeterException(
          Reason.NONSENSE, what + " reads " + kw + " kW: negative (a CT or the wiring reversed?)");
    }
    if (rated && kw > ratedPowerKw) {
      throw new MeterException(
          Reason.NONSENSE, what + " reads " + kw + " kW, above the rated " + ratedPowerKw + " kW");
    }
  }

  private void accept(MeterReading r) {
    lastTime = r.time();
    lastEnergyKwh = r.energyKwh();
  }

  private static String kwh(double v) {
    return String.format(Locale.ROOT, "%.3f kWh", v);
  }
}
