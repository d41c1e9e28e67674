package dev.setpoint.analytics.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContinuousQueriesTest {
  private static final String CQ =
      "CREATE CONTINUOUS QUERY climate_1m ON setpoint RESAMPLE EVERY 1m FOR 2m BEGIN SELECT"
          + " mean(temperature) AS mean_temperature INTO setpoint.rollup_1m.:MEASUREMENT FROM"
          + " setpoint.raw.climate GROUP BY time(1m), * END";

  @Test
  void theBackfillIsTheQuerysOwnSelectOverTheWindow() {
    String select =
        ContinuousQueries.backfill(
            CQ, Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
    assertEquals(
        "SELECT mean(temperature) AS mean_temperature INTO setpoint.rollup_1m.:MEASUREMENT FROM"
            + " setpoint.raw.climate WHERE time >= 1796202000000ms AND time < 1796205600000ms"
            + " GROUP BY time(1m), *",
        select);
  }

  @Test
  void aQueryWithoutGroupByOrWithAWhereIsNotARollUp() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ContinuousQueries.backfill("SELECT 1", Instant.EPOCH, Instant.EPOCH));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ContinuousQueries.backfill(
                CQ.replace(" GROUP BY", " WHERE x = 1 GROUP BY"), Instant.EPOCH, Instant.EPOCH));
  }

  @Test
  void theNameIsReadFromTheTextQuotedOrNotAndOnlyForItsDatabase() {
    assertEquals("climate_1m", ContinuousQueries.named(CQ, "setpoint").name());
    String quoted = CQ.replace("climate_1m ON setpoint", "\"room_1h\" ON \"setpoint\"");
    assertEquals("room_1h", ContinuousQueries.named(quoted, "setpoint").name());
    assertNull(ContinuousQueries.named(CQ, "other"));
    assertNull(ContinuousQueries.named("setpoint", "setpoint"), "the series' name column");
    assertTrue(ContinuousQueries.perMinute("climate_1m"));
  }
}
