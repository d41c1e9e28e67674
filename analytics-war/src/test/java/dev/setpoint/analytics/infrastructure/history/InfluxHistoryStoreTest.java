package dev.setpoint.analytics.infrastructure.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.domain.history.Recommendation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The latest recommendation's row as the InfluxQL API hands it over: CSV text, empty = absent. */
class InfluxHistoryStoreTest {
  /** A row of {@link InfluxQlStatements#latestRecommendation}'s columns, time first. */
  private static InfluxQLQueryResult.Series.Record row(String time, String... fields) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    columns.put("time", 0);
    for (String field : InfluxQlStatements.RECOMMENDATION_FIELDS) {
      columns.put(field, columns.size());
    }
    Object[] values = new Object[columns.size()];
    values[0] = time;
    System.arraycopy(fields, 0, values, 1, fields.length);
    InfluxQLQueryResult.Series series =
        new InfluxQLQueryResult.Series(InfluxQlStatements.RECOMMENDATION, columns);
    return series.new Record(values);
  }

  @Test
  void theLatestRecommendationCarriesItsPowerPredictions() {
    Recommendation r =
        InfluxHistoryStore.recommendation(
            row("1764316800000", "23", "26.1", "v7", "model", "23.5", "26.4", "12.3", "12.9"));

    assertEquals(
        new Recommendation(1_764_316_800_000L, 23.0, 26.1, "v7", "model", 23.5, 26.4, 12.3, 12.9),
        r);
  }

  @Test
  void predictionsThePointLacksAreNull() {
    // A rate-limited decision: no prediction for the setpoint sent, the current setpoint's kept.
    Recommendation limited =
        InfluxHistoryStore.recommendation(
            row("1764316800000", "22", "", "v7", "rate_limited", "23", "26.4", "", "12.9"));
    // A point written before the power head: nothing in its columns.
    Recommendation older =
        InfluxHistoryStore.recommendation(
            row("1764316800000", "22", "", "none", "window_stale", "23", ""));

    assertEquals(
        new Recommendation(
            1_764_316_800_000L, 22.0, null, "v7", "rate_limited", 23.0, 26.4, null, 12.9),
        limited);
    assertEquals(
        new Recommendation(
            1_764_316_800_000L, 22.0, null, "none", "window_stale", 23.0, null, null, null),
        older);
  }
}
