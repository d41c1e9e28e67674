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
          .addField("weather_category", outdoor.category().longValue())
          .addField("weather_stale", outdoor.stale())
          .addField("weather_age_s", outdoor.ageSeconds())
          .addField("weather_simulated", outdoor.simulated());
    }
    if (message.setpoint() != null) {
      point.addField("current_setpoint", message.setpoint());
    }
    return point;
  }
}
