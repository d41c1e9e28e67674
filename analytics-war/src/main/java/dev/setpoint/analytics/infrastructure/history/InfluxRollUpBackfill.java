package dev.setpoint.analytics.infrastructure.history;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.config.InfluxConfig;
import dev.setpoint.analytics.domain.history.ContinuousQueries;
import dev.setpoint.analytics.domain.history.RollUpBackfill;
import dev.setpoint.analytics.infrastructure.influx.InfluxQlRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the database's own continuous queries ({@code SHOW CONTINUOUS QUERIES}, as {@code
 * stack/influx.sh} made them) over a past hour: the 1-minute ones first, then the rest, which read
 * the 1-minute roll-ups. Read afresh each time, so a changed definition is the one that runs.
 */
@ApplicationScoped
public class InfluxRollUpBackfill implements RollUpBackfill {
  private final InfluxQlRows influxQl;
  private final String database;

  @Inject
  public InfluxRollUpBackfill(InfluxDBClient client, InfluxConfig config) {
    this.influxQl = new InfluxQlRows(client.getInfluxQLQueryApi(), config.bucket);
    this.database = config.bucket;
  }

  /** For CDI's proxy only. */
  protected InfluxRollUpBackfill() {
    this.influxQl = null;
    this.database = null;
  }

  @Override
  public boolean available() {
    return !continuousQueries().isEmpty();
  }

  @Override
  public void rollUpHour(Instant hour) {
    Instant end = hour.plus(Duration.ofHours(1));
    Map<String, String> queries = continuousQueries();
    List<String> ordered = new ArrayList<>();
    queries.forEach(
        (name, text) -> {
          if (ContinuousQueries.perMinute(name)) {
            ordered.add(text);
          }
        });
    queries.forEach(
        (name, text) -> {
          if (!ContinuousQueries.perMinute(name)) {
            ordered.add(text);
          }
        });
    for (String query : ordered) {
      influxQl.series(ContinuousQueries.backfill(query, hour, end));
    }
  }

  /**
   * Name to text of this database's continuous queries, none on a store without them. The name is
   * read from the text itself ({@code CREATE CONTINUOUS QUERY <name> ON <db> ...}): in InfluxQL's
   * CSV answer the query's name and the series' name share one column title.
   */
  private Map<String, String> continuousQueries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (InfluxQLQueryResult.Series series : influxQl.series("SHOW CONTINUOUS QUERIES")) {
      for (InfluxQLQueryResult.Series.Record row : series.getValues()) {
        for (Object value : row.getValues()) {
          ContinuousQueries.Named named =
              value == null ? null : ContinuousQueries.named(value.toString(), database);
          if (named != null) {
            queries.put(named.name(), named.text());
          }
        }
      }
    }
    return queries;
  }
}
