package dev.setpoint.model.data;

import dev.setpoint.model.features.ClimateSample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one CSV format of datasets, written by the simulator and by the InfluxDB export and read by
 * training. Columns are InfluxDB's names ({@link #HEADER}); time is ISO-8601 UTC; an empty cell is
 * a missing value (NaN, or category 0), which training skips. Device and site names must not
 * contain commas or quotes.
 */
public final class ClimateCsv {
  public static final String HEADER =
      "time,device,site,temperature,humidity,outdoor_temperature,outdoor_humidity,"
          + "weather_category,current_setpoint";

  private ClimateCsv() {}

  /** Writes the header line. */
  public static void writeHeader(Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
  }

  /** Writes one row. */
  public static void write(Writer out, ClimateRow row) throws IOException {
    ClimateSample s = row.sample();
    StringBuilder line = new StringBuilder(96);
    line.append(s.time()).append(',').append(row.device()).append(',').append(row.site());
    cell(line, s.indoorTemperatureC());
    cell(line, s.indoorHumidityPct());
    cell(line, s.outdoorTemperatureC());
    cell(line, s.outdoorHumidityPct());
    line.append(',');
    if (s.weatherCategory() >= 1 && s.weatherCategory() <= 9) {
      line.append(s.weatherCategory());
    }
    cell(line, s.setpointC());
    line.append('\n');
    out.write(line.toString());
  }

  private static void cell(StringBuilder line, double value) {
    line.append(',');
    if (Double.isFinite(value)) {
      line.append(String.format(Locale.ROOT, "%.3f", value));
    }
  }

  /** Reads every row of a file written by this class (or by hand in its format). */
  public static List<ClimateRow> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /** Reads every row; {@code name} names the source in error messages. */
  public static List<ClimateRow> read(BufferedReader in, String name) throws IOException {
    String header = in.readLine();
    if (header == null || !header.strip().equals(HEADER)) {
      throw new IOException(name + ": the first line must be the header " + HEADER);
    }
    List<ClimateRow> rows = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split(",", -1);
      if (c.length != 9) {
        throw new IOException(name + ":" + number + ": expected 9 columns, found " + c.length);
      }
      try {
        rows.add(
            new ClimateRow(
                c[1],
                c[2],
                new ClimateSample(
                    Instant.parse(c[0]),
                    number(c[3]),
                    number(c[4]),
                    number(c[5]),
                    number(c[6]),
                    c[7].isEmpty() ? 0 : (int) Math.round(Double.parseDouble(c[7])),
                    number(c[8]))));
      } catch (RuntimeException e) {
        throw new IOException(name + ":" + number + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
