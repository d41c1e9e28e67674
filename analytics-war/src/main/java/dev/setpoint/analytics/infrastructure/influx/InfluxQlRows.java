package dev.setpoint.analytics.infrastructure.influx;

import com.influxdb.client.InfluxQLQueryApi;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.query.InfluxQLQueryResult;
import java.util.List;
import java.util.stream.Stream;

/**
 * An InfluxQL statement's answer as analytics' stores read it: its series, or its rows, with time
 * in epoch milliseconds. Results come as CSV, so each value is text; an empty cell is a field the
 * point lacks (null here).
 */
public final class InfluxQlRows {
  private final InfluxQLQueryApi influxQl;
  private final String database;

  /**
   * @param database the database the statements read (the bucket analytics writes to)
   */
  public InfluxQlRows(InfluxQLQueryApi influxQl, String database) {
    this.influxQl = influxQl;
    this.database = database;
  }

  /** The statement's series; none when it matched nothing. */
  public List<InfluxQLQueryResult.Series> series(String statement) {
    InfluxQLQueryResult result =
        influxQl.query(
            new InfluxQLQuery(statement, database)
                .setPrecision(InfluxQLQuery.InfluxQLPrecision.MILLISECONDS));
    if (result == null) {
      return List.of();
    }
    return result.getResults().stream()
        .flatMap(r -> r.getSeries() == null ? Stream.empty() : r.getSeries().stream())
        .toList();
  }

  /** Every row of every series of the statement. */
  public List<InfluxQLQueryResult.Series.Record> rows(String statement) {
    return series(statement).stream().flatMap(s -> s.getValues().stream()).toList();
  }

  /** The row's time, epoch milliseconds. */
  public static long time(InfluxQLQueryResult.Series.Record row) {
    return Long.parseLong(String.valueOf(row.getValueByKey("time")));
  }

  /** The column's text, or null when the point lacks it. */
  public static String text(InfluxQLQueryResult.Series.Record row, String column) {
    Object value = row.getValueByKey(column);
    return value == null ? null : blankToNull(String.valueOf(value));
  }

  /** The column's number, or null when the point lacks it. */
  public static Double number(InfluxQLQueryResult.Series.Record row, String column) {
    String value = text(row, column);
    return value == null ? null : Double.valueOf(value);
  }

  /** Null for null or empty (a tag or cell the point lacks). */
  public static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
