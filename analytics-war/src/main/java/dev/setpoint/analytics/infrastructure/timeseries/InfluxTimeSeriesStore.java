package dev.setpoint.analytics.infrastructure.timeseries;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.write.Point;
import com.influxdb.exceptions.InfluxException;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.domain.UnstorableTelemetryException;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Writes climate and recommendation points with influxdb-client-java's blocking write API: when
 * {@link #write} returns, InfluxDB has the point (or, for a batch, every point of it: one HTTP
 * request of line protocol per batch), and with them the weather observations they carry that it
 * did not have yet ({@link WeatherPoints}). One client, created at startup, serves every write and
 * probe.
 */
@ApplicationScoped
public class InfluxTimeSeriesStore implements TimeSeriesStore {
  private final InfluxDBClient client;
  private final WriteApiBlocking writes;
  private final WeatherPoints weather = new WeatherPoints();

  @Inject
  public InfluxTimeSeriesStore(InfluxDBClient client) {
    this.client = client;
    this.writes = client.getWriteApiBlocking();
  }

  /** For CDI's proxy only. */
  protected InfluxTimeSeriesStore() {
    this.client = null;
    this.writes = null;
  }

  @Override
  @Timed(
      name = "setpoint.analytics.influx.write",
      absolute = true,
      description = "Blocking writes of a climate point to InfluxDB, including failed ones")
  public void write(TelemetryMessage message) {
    List<Point> points = new ArrayList<>(2);
    points.add(ClimatePoints.of(message));
    List<WeatherPoints.Observation> observations = weather.unwritten(List.of(message), points);
    try {
      writes.writePoints(points);
      weather.written(observations);
    } catch (InfluxException e) {
      int status = e.status();
      if (refusesForGood(status)) {
        throw new UnstorableTelemetryException(
            "InfluxDB refused event " + message.eventId() + " (" + status + "): " + e.getMessage(),
            e);
      }
      throw e;
    }
  }

  @Override
  @Timed(
      name = "setpoint.analytics.influx.batch-write",
      absolute = true,
      description = "Blocking writes of a batch of climate points to InfluxDB, in one request")
  public void write(List<TelemetryMessage> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Point> points = new ArrayList<>(batch.size());
    for (TelemetryMessage message : batch) {
      points.add(ClimatePoints.of(message));
    }
    List<WeatherPoints.Observation> observations = weather.unwritten(batch, points);
    try {
      writes.writePoints(points);
      weather.written(observations);
    } catch (InfluxException e) {
      if (refusesForGood(e.status())) {
        throw new UnstorableTelemetryException(
            "InfluxDB refused a batch of "
                + batch.size()
                + " events ("
                + e.status()
                + "): "
                + e.getMessage(),
            e);
      }
      throw e;
    }
  }

  /**
   * 4xx but 429 is about the points themselves (bad field type, reserved name): no retry helps.
   * 401/403 are configuration errors that an operator fixes, so they are retried like 5xx.
   */
  private static boolean refusesForGood(int status) {
    return status >= 400 && status < 500 && status != 429 && status != 401 && status != 403;
  }

  @Override
  public void write(DeviceRecommendation recommendation) {
    writes.writePoint(RecommendationPoints.of(recommendation));
  }

  @Override
  public boolean isReachable() {
    return client.ping();
  }
}
