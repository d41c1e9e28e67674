package dev.setpoint.analytics.infrastructure.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.domain.history.Resolution;
import dev.setpoint.analytics.domain.history.SeriesQuery;
import dev.setpoint.model.influxql.InfluxQl;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfluxQlStatementsTest {
  private static final Instant FROM = Instant.ofEpochMilli(1_700_000_000_000L);
  private static final Instant TO = Instant.ofEpochMilli(1_700_003_600_000L);

  @Test
  void aRawSeriesSelectsTheNewestPointsOfTheDevice() {
    String statement =
        InfluxQlStatements.climate(
            new SeriesQuery("rack-1", null, FROM, TO, Optional.empty(), 500, Resolution.RAW));

    assertEquals(
        "SELECT \"temperature\", \"humidity\", \"outdoor_temperature\", \"outdoor_humidity\","
            + " \"weather_category\", \"current_setpoint\" FROM \"climate\""
            + " WHERE \"device\" = 'rack-1' AND time >= 1700000000000ms"
            + " AND time <= 1700003600000ms ORDER BY time DESC LIMIT 500",
        statement);
  }

  @Test
  void aDownsampledSeriesAveragesPerBucketAndKeepsTheLastCategoryAndSetpoint() {
    String statement =
        InfluxQlStatements.climate(
            new SeriesQuery(
                "rack-1",
                "gwangju",
                FROM,
                TO,
                Optional.of(Duration.ofMinutes(5)),
                500,
                Resolution.RAW));

    assertEquals(
        "SELECT mean(\"temperature\") AS \"temperature\", mean(\"humidity\") AS \"humidity\","
            + " mean(\"outdoor_temperature\") AS \"outdoor_temperature\","
            + " mean(\"outdoor_humidity\") AS \"outdoor_humidity\","
            + " last(\"weather_category\") AS \"weather_category\","
            + " last(\"current_setpoint\") AS \"current_setpoint\" FROM \"climate\""
            + " WHERE \"device\" = 'rack-1' AND \"site\" = 'gwangju'"
            + " AND time >= 1700000000000ms AND time <= 1700003600000ms"
            + " GROUP BY time(5m) fill(none)",
        statement);
  }

  @Test
  void aSiteWithoutDeviceFiltersOnTheSiteOnly() {
    String statement =
        InfluxQlStatements.climate(
            new SeriesQuery(
                null,
                "gwangju",
                FROM,
                TO,
                Optional.of(Duration.ofSeconds(10)),
                500,
                Resolution.RAW));

    assertEquals(
        true,
        statement.contains(
            " WHERE \"site\" = 'gwangju' AND time >= 1700000000000ms AND time <= 1700003600000ms"
                + " GROUP BY time(10s) fill(none)"),
        statement);
  }

  @Test
  void aRollUpIsReadFromItsRetentionPolicyAveragingTheBucketsMeans() {
    String statement =
        InfluxQlStatements.climate(
            new SeriesQuery(
                "rack-1", null, FROM, TO, Optional.of(Duration.ofDays(1)), 500, Resolution.HOUR));

    assertEquals(
        "SELECT mean(\"mean_temperature\") AS \"temperature\","
            + " mean(\"mean_humidity\") AS \"humidity\","
            + " mean(\"mean_outdoor_temperature\") AS \"outdoor_temperature\","
            + " mean(\"mean_outdoor_humidity\") AS \"outdoor_humidity\","
            + " last(\"last_weather_category\") AS \"weather_category\","
            + " last(\"mean_current_setpoint\") AS \"current_setpoint\""
            + " FROM \"rollup_1h\".\"climate\" WHERE \"device\" = 'rack-1'"
            + " AND time >= 1700000000000ms AND time <= 1700003600000ms"
            + " GROUP BY time(1d) fill(none)",
        statement);
  }

  @Test
  void theMinuteRollUpIsItsOwnPolicy() {
    String statement =
        InfluxQlStatements.climate(
            new SeriesQuery(
                null,
                "gwangju",
                FROM,
                TO,
                Optional.of(Duration.ofMinutes(5)),
                500,
                Resolution.MINUTE));

    assertEquals(true, statement.contains(" FROM \"rollup_1m\".\"climate\" "), statement);
  }

  @Test
  void aRollUpIsNeverReadInBucketsNarrowerThanItsOwn() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new SeriesQuery(
                "rack-1",
                null,
                FROM,
                TO,
                Optional.of(Duration.ofSeconds(30)),
                500,
                Resolution.MINUTE));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "rack-1|'rack-1'",
        "x' OR '1'='1|'x\\' OR \\'1\\'=\\'1'",
        "x'; DROP MEASUREMENT climate; --|'x\\'; DROP MEASUREMENT climate; --'",
        "back\\' OR 1=1|'back\\\\\\' OR 1=1'",
        "trailing\\|'trailing\\\\'",
        "\"quoted\"|'\"quoted\"'"
      })
  void aDeviceNameStaysInsideOneStringLiteral(String device, String literal) {
    assertEquals(literal, InfluxQl.string(device));
    assertEquals(device, unquote(InfluxQl.string(device)));
    assertEquals(
        "SELECT \"recommended\", \"predicted\", \"model_version\", \"reason\","
            + " \"current_setpoint\", \"predicted_current\", \"predicted_power\","
            + " \"predicted_power_current\" FROM \"recommendation\" WHERE"
            + " \"device\" = "
            + literal
            + " ORDER BY time DESC LIMIT 1",
        InfluxQlStatements.latestRecommendation(device));
  }

  /**
   * Reads a literal as InfluxQL's scanner does: a backslash escapes the next character, an
   * unescaped quote ends it. The literal must end exactly at its last character.
   */
  private static String unquote(String literal) {
    assertEquals('\'', literal.charAt(0));
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\') {
        value.append(literal.charAt(++i));
      } else if (c == '\'') {
        assertEquals(literal.length() - 1, i, "the literal ended early: " + literal);
        return value.toString();
      } else {
        value.append(c);
      }
    }
    throw new AssertionError("unterminated literal " + literal);
  }

  @Test
  void identifiersEscapeTheirQuotes() {
    assertEquals("\"a\\\"b\"", InfluxQl.identifier("a\"b"));
  }

  @Test
  void devicesAreTheLastEventOfEachDeviceAndSiteSinceTheWindow() {
    assertEquals(
        "SELECT last(\"event_id\") FROM \"climate\" WHERE time >= 1700000000000ms"
            + " GROUP BY \"device\", \"site\"",
        InfluxQlStatements.devices(FROM));
  }

  @Test
  void sitesAreTheTagValues() {
    assertEquals(
        "SHOW TAG VALUES FROM \"climate\" WITH KEY = \"site\"", InfluxQlStatements.sites());
  }
}
