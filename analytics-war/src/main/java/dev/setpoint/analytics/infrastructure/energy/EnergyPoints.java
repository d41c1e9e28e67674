package dev.setpoint.analytics.infrastructure.energy;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;

/**
 * The InfluxDB points of the energy roll-up. Measurement {@value EnergyStatements#ENERGY}: tags
 * {@code device}, {@code room}, {@code site} (when known), {@code quantity}; time = the hour's
 * start; fields {@code kwh}, {@code covered_s}, {@code gap_s}, {@code excluded_s} (seconds), {@code
 * resets}, {@code complete}. Measurement {@value EnergyStatements#ANOMALY}: the same tags and
 * {@code kind}; time = the piece's start; fields {@code detail}, {@code from}, {@code to} (epoch
 * milliseconds), {@code cleared}. Tags and time identify a point, so writing an hour or piece again
 * overwrites it.
 */
final class EnergyPoints {
  private EnergyPoints() {}

  static Point hour(MeterHour stored) {
    HourEnergy h = stored.hour();
    return tagged(EnergyStatements.ENERGY, stored.meter())
        .time(h.hourStartMs(), WritePrecision.MS)
        .addField("kwh", h.kwh())
        .addField("covered_s", h.coveredMs() / 1000.0)
        .addField("gap_s", h.gapMs() / 1000.0)
        .addField("excluded_s", h.excludedMs() / 1000.0)
        .addField("resets", (long) h.resets())
        .addField("complete", h.complete());
  }

  static Point anomaly(MeterAnomaly stored) {
    EnergyAnomaly a = stored.anomaly();
    return tagged(EnergyStatements.ANOMALY, stored.meter())
        .addTag("kind", a.kind().code())
        .time(a.fromMs(), WritePrecision.MS)
        .addField("detail", a.detail())
        .addField("from", a.fromMs())
        .addField("to", a.toMs())
        .addField("cleared", stored.cleared());
  }

  private static Point tagged(String measurement, Meter meter) {
    Point point =
        Point.measurement(measurement)
            .addTag("device", meter.device())
            .addTag("room", meter.room())
            .addTag("quantity", meter.quantity().code());
    if (meter.site() != null) {
      point.addTag("site", meter.site());
    }
    return point;
  }
}
