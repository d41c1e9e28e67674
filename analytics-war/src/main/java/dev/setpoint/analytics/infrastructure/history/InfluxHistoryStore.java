package dev.setpoint.analytics.infrastructure.history;

import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.blankToNull;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.number;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.text;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.time;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.config.InfluxConfig;
import dev.setpoint.analytics.domain.history.ClimateSample;
import dev.setpoint.analytics.domain.history.DeviceSeen;
import dev.setpoint.analytics.domain.history.HistoryStore;
import dev.setpoint.analytics.domain.history.Recommendation;
import dev.setpoint.analytics.domain.history.SeriesQuery;
import dev.setpoint.analytics.infrastructure.influx.InfluxQlRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the history with InfluxQL through influxdb-client-java's {@link InfluxQLQueryApi}: the
 * {@code /query} endpoint of InfluxDB 1.x, which InfluxDB 2.x and 3.x also serve (with a DBRP
 * mapping from the database to the bucket). Results come as CSV, so each value is text; an empty
 * cell is a field the point lacks. The database is the bucket analytics writes to.
 */
@ApplicationScoped
public class InfluxHistoryStore implements HistoryStore {
  private final InfluxQlRows reader;

  @Inject
  public InfluxHistoryStore(InfluxDBClient client, InfluxConfig config) {
    this.reader = new InfluxQlRows(client.getInfluxQLQueryApi(), config.bucket);
  }

  /** For CDI's proxy only. */
  protected InfluxHistoryStore() {
    this.reader = null;
  }

  private List<InfluxQLQueryResult.Series> series(String statement) {
    return reader.series(statement);
  }

  private List<InfluxQLQueryResult.Series.Record> rows(String statement) {
    return reader.rows(statement);
  }

  @Override
  public List<ClimateSample> climate(SeriesQuery query) {
    List<ClimateSample> samples = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row : rows(InfluxQlStatements.climate(query))) {
      samples.add(
          new ClimateSample(
              time(row),
              number(row, "temperature"),
              number(row, "humidity"),
              number(row, "outdoor_temperature"),
              number(row, "outdoor_humidity"),
              integer(row, "weather_category"),
              number(row, "current_setpoint")));
    }
    if (query.interval().isEmpty()) {
      Collections.reverse(samples); // raw points came newest first (LIMIT keeps the newest)
    }
    return samples;
  }

  @Override
  public Optional<Recommendation> latestRecommendation(String device) {
    return rows(InfluxQlStatements.latestRecommendation(device)).stream()
        .findFirst()
        .map(InfluxHistoryStore::recommendation);
  }

  /** A row of {@link InfluxQlStatements#latestRecommendation}; a field the point lacks is null. */
  static Recommendation recommendation(InfluxQLQueryResult.Series.Record row) {
    return new Recommendation(
        time(row),
        number(row, "recommended"),
        number(row, "predicted"),
        text(row, "model_version"),
        text(row, "reason"),
        number(row, "current_setpoint"),
        number(row, "predicted_current"),
        number(row, "predicted_power"),
        number(row, "predicted_power_current"));
  }

  @Override
  public List<DeviceSeen> devices(Instant since) {
    // A device that moved between sites has a series per site; it is listed once, at its latest.
    Map<String, DeviceSeen> byDevice = new LinkedHashMap<>();
    for (InfluxQLQueryResult.Series series : series(InfluxQlStatements.devices(since))) {
      String device = blankToNull(series.getTags().get("device"));
      if (device == null) {
        continue;
      }
      String site = blankToNull(series.getTags().get("site"));
      for (InfluxQLQueryResult.Series.Record row : series.getValues()) {
        DeviceSeen seen = new DeviceSeen(device, site, time(row));
        byDevice.merge(device, seen, (a, b) -> a.lastSeen() >= b.lastSeen() ? a : b);
      }
    }
    return byDevice.values().stream().sorted(Comparator.comparing(DeviceSeen::device)).toList();
  }

  @Override
  public List<String> sites() {
    return rows(InfluxQlStatements.sites()).stream()
        .map(row -> text(row, "value"))
        .filter(value -> value != null)
        .distinct()
        .sorted()
        .toList();
  }

  private static Integer integer(InfluxQLQueryResult.Series.Record row, String column) {
    Double value = number(row, column);
    return value == null ? null : (int) Math.round(value);
  }
}
