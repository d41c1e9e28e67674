package dev.setpoint.analytics.infrastructure.timeseries;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outdoor weather observations the hubs attached to their readings, one InfluxDB point per site
 * and observation: measurement {@value #MEASUREMENT}, tags {@code site} (when the message has one)
 * and {@code source} (the provider), fields {@code temperature}, {@code humidity}, {@code category}
 * and {@code simulated}, time = when the provider observed it, in milliseconds. Site and
 * observation time identify the point, so writing it again (a replay, a restart that forgot what it
 * wrote) overwrites it with the same values.
 *
 * <p>Every reading of a site carries the same observation until the hub has a newer one, so the
 * observations already written are remembered (the latest {@value #REMEMBERED}) and a batch adds a
 * point only for one it has not seen. Call {@link #unwritten} to build them and {@link #written}
 * once InfluxDB has them: an observation whose write failed is written with the batch's retry.
 */
final class WeatherPoints {
  static final String MEASUREMENT = "weather";

  /** Observations remembered as written; a site's weather changes every few minutes. */
  static final int REMEMBERED = 4096;

  private final Map<Observation, Boolean> written =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Observation, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** A site's observation, as it identifies the point. */
  record Observation(String site, String source, long observedAt) {}

  static Point of(String site, OutdoorConditions outdoor) {
    Point point =
        Point.measurement(MEASUREMENT)
            .addTag("source", outdoor.source())
            .time(outdoor.observedAt(), WritePrecision.MS)
            .addField("temperature", outdoor.temperature())
            .addField("humidity", outdoor.humidity())
            .addField("simulated", outdoor.simulated());
    if (outdoor.category() != null) {
      point.addField("category", outdoor.category().longValue());
    }
    if (site != null) {
      point.addTag("site", site);
    }
    return point;
  }

  /**
   * The points of the observations in {@code batch} not yet written, each once, added to {@code
   * points}; returns their keys for {@link #written}.
   */
  synchronized List<Observation> unwritten(List<TelemetryMessage> batch, List<Point> points) {
    List<Observation> added = new ArrayList<>(1);
    for (TelemetryMessage message : batch) {
      OutdoorConditions outdoor = message.outdoor();
      if (outdoor == null) {
        continue;
      }
      Observation key = new Observation(message.site(), outdoor.source(), outdoor.observedAt());
      if (!written.containsKey(key) && !added.contains(key)) {
        added.add(key);
        points.add(of(message.site(), outdoor));
      }
    }
    return added;
  }

  /** Remembers observations InfluxDB now has. */
  synchronized void written(List<Observation> observations) {
    for (Observation key : observations) {
      written.put(key, Boolean.TRUE);
    }
  }
}
