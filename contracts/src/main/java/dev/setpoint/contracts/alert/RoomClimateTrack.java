package dev.setpoint.contracts.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One room's climate as the alert rules judge it, built from its sensors' readings: the hottest
 * inlet of the sensors heard within {@link #FRESH} of the newest reading, its change over the last
 * hour, and the humidity and dew point at that inlet. The edge (ingest, as it stores events) and
 * the cloud (analytics, as it records telemetry) feed it the same readings with the same time, the
 * hub's receipt ({@code BufferedEvent#receivedAt}, carried to the cloud as {@code
 * TelemetryMessage#receivedAt}), so both compute the same {@link RoomClimate} and raise the same
 * alert with the same id ({@link AlertIds}).
 *
 * <p>Not thread-safe: one per room, used under the room's lock. Its memory is bounded: one entry
 * per sensor of the room and one per minute of the last hour.
 */
public final class RoomClimateTrack {
  /** A sensor reading older than this (before the room's newest) no longer counts. */
  public static final Duration FRESH = Duration.ofMinutes(3);

  /** A span of the hour shorter than this gives no rate yet, minutes. */
  static final long RATE_MIN_SPAN_MINUTES = 15;

  private final Map<String, Sensor> sensors = new HashMap<>();
  private final Deque<double[]> minutes = new ArrayDeque<>(); // {epoch minute, hottest °C}

  /** One sensor's latest reading. */
  private record Sensor(Instant time, double temperatureC, Double humidityPct) {}

  /**
   * A sensor's reading, and the room's climate with it.
   *
   * @param sensor the device that read it
   * @param time the hub's receipt of the reading
   * @param humidityPct the relative humidity it read with the temperature, or null
   */
  public RoomClimate accept(String sensor, Instant time, double temperatureC, Double humidityPct) {
    sensors.put(sensor, new Sensor(time, temperatureC, humidityPct));
    return climate(time);
  }

  private RoomClimate climate(Instant time) {
    Sensor hottest = null;
    for (Sensor s : sensors.values()) {
      if (!s.time().isBefore(time.minus(FRESH))
          && (hottest == null || s.temperatureC() > hottest.temperatureC())) {
        hottest = s;
      }
    }
    if (hottest == null) {
      return new RoomClimate(time, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long minute = Math.floorDiv(time.getEpochSecond(), 60);
    if (!minutes.isEmpty() && minutes.peekLast()[0] == minute) {
      minutes.peekLast()[1] = Math.max(minutes.peekLast()[1], hottest.temperatureC());
    } else if (minutes.isEmpty() || minutes.peekLast()[0] < minute) {
      minutes.addLast(new double[] {minute, hottest.temperatureC()});
    }
    while (!minutes.isEmpty() && minutes.peekFirst()[0] < minute - 60) {
      minutes.removeFirst();
    }
    double humidity = hottest.humidityPct() == null ? Double.NaN : hottest.humidityPct();
    double dew =
        Double.isNaN(humidity) ? Double.NaN : DewPoint.celsius(hottest.temperatureC(), humidity);
    return new RoomClimate(time, hottest.temperatureC(), rate(), humidity, dew);
  }

  /**
   * The largest change of the hottest inlet between this minute and any of the last hour's at least
   * 15 minutes before, scaled to an hour; NaN before a quarter of an hour is known.
   */
  private double rate() {
    double[] last = minutes.peekLast();
    double worst = Double.NaN;
    for (double[] m : minutes) {
      double span = last[0] - m[0];
      if (span >= RATE_MIN_SPAN_MINUTES) {
        double perHour = (last[1] - m[1]) * 60 / span;
        if (Double.isNaN(worst) || Math.abs(perHour) > Math.abs(worst)) {
          worst = perHour;
        }
      }
    }
    return worst;
  }
}
