package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.ClimateHistory;
import dev.setpoint.analytics.domain.history.ClimateSample;
import java.time.Instant;

/**
 * A climate series as CSV: a header row of InfluxDB's field names, one row per sample. The last two
 * columns say what each row is: the stored copy it was read from ({@code raw}, or the roll-up
 * {@code 1m} or {@code 1h}) and the bucket it averages (empty for a raw point), so a file read
 * without its request still says whether it holds raw points.
 */
final class ClimateCsv {
  static final String HEADER =
      "time,temperature,humidity,outdoor_temperature,outdoor_humidity,weather_category,"
          + "current_setpoint,resolution,interval";

  private ClimateCsv() {}

  static String of(ClimateHistory history) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    // Both are made by the service (raw, 1m, 1h; InfluxQL durations): no cell needs quoting.
    String what =
        ',' + history.resolution() + ',' + (history.interval() == null ? "" : history.interval());
    for (ClimateSample s : history.samples()) {
      csv.append(Instant.ofEpochMilli(s.time()))
          .append(',')
          .append(cell(s.temperature()))
          .append(',')
          .append(cell(s.humidity()))
          .append(',')
          .append(cell(s.outdoorTemperature()))
          .append(',')
          .append(cell(s.outdoorHumidity()))
          .append(',')
          .append(cell(s.weatherCategory()))
          .append(',')
          .append(cell(s.currentSetpoint()))
          .append(what)
          .append("\r\n");
    }
    return csv.toString();
  }

  /** Numbers only, so no cell needs quoting (and none can start a spreadsheet formula). */
  private static String cell(Number value) {
    return value == null ? "" : value.toString();
  }

  /** A file name of safe characters for Content-Disposition. */
  static String fileName(ClimateHistory history) {
    String subject = history.device() != null ? history.device() : "site-" + history.site();
    return "climate-" + subject.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
  }
}
