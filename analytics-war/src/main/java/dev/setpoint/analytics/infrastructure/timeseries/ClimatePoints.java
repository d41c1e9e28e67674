package dev.setpoint.analytics.infrastructure.timeseries;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;

/**
 * The InfluxDB point of a telemetry message: measurement {@value #MEASUREMENT}, tags {@code device}
 * and {@code source} (and {@code site} and {@code room} when the message has them), one field per
 * reading, time = the event's origin in nanoseconds. Device, source and origin identify the point,
 * so a replayed message overwrites itself instead of adding a second point, and two sources of one
 * device never merge. The room is a tag so that the energy roll-up can file a meter's hours under
 * the room it was in at the time; every InfluxQL read filters or groups by device and site only, so
 * a device's series with and without a room (before schema 4) still read as one.
 *
 * <p>Of the outdoor weather a point carries what the readers of a reading need beside it (the
 * temperature, the humidity, the category) and {@code weather_stale=true} only when the hub served
 * its last known weather because a fresh one could not be had. What belongs to the observation
 * rather than the reading (its time, its provider, whether it is simulated) is written once per
 * site and observation by {@link WeatherPoints}; a reading's weather age is its time less the
 * observation's. Every field costs InfluxDB about as much as the next on each point, and these were
 * three of ten on every reading.
 */
final class ClimatePoints {
  static final String MEASUREMENT = "climate";

  private ClimatePoints() {}

  static Point of(TelemetryMessage message) {
    Point point =
        Point.measurement(MEASUREMENT)
            .addTag("device", message.device())
            .addTag("source", message.source())
            .time(message.origin(), WritePrecision.NS)
            .addField("event_id", message.eventId());
    for (TelemetryReading reading : message.readings()) {
      point.addField(reading.resource(), reading.value());
    }
    if (message.site() != null) {
      point.addTag("site", message.site());
    }
    if (message.room() != null) {
      point.addTag("room", message.room());
    }
    OutdoorConditions outdoor = message.outdoor();
    if (outdoor != null) {
      point
          .addField("outdoor_temperature", outdoor.temperature())
          .addField("outdoor_humidity", outdoor.humidity())
          .addField("weather_category", outdoor.category().longValue());
      if (outdoor.stale()) {
        point.addField("weather_stale", true);
      }
    }
    if (message.setpoint() != null) {
      point.addField("current_setpoint", message.setpoint());
    }
    return point;
  }
}
