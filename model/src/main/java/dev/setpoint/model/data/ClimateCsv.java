package dev.setpoint.model.data;

import dev.setpoint.model.features.ClimateSample;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV format of datasets, written by the simulator and by the InfluxDB export and read by
 * training, through Apache Commons CSV. Columns are InfluxDB's names ({@link #HEADER}); time is
 * ISO-8601 UTC; an empty cell is a missing value (NaN, or category 0), which training skips. A
 * device or site name with a comma, a quote or a line break is quoted (RFC 4180); lines end in
 * {@code \n}, and a file with {@code \r\n} reads as well.
 */
public final class ClimateCsv {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "time",
          "device",
          "site",
          "temperature",
          "humidity",
          "outdoor_temperature",
          "outdoor_humidity",
          "weather_category",
          "current_setpoint");

  public static final String HEADER = String.join(",", COLUMNS);

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').setIgnoreEmptyLines(true).get();

  private ClimateCsv() {}

  /** Writes the header line. */
  public static void writeHeader(Writer out) throws IOException {
    FORMAT.printRecord(out, COLUMNS.toArray());
  }

  /** Writes one row. */
  public static void write(Writer out, ClimateRow row) throws IOException {
    ClimateSample s = row.sample();
    int category = s.weatherCategory();
    FORMAT.printRecord(
        out,
        s.time(),
        row.device(),
        row.site(),
        cell(s.indoorTemperatureC()),
        cell(s.indoorHumidityPct()),
        cell(s.outdoorTemperatureC()),
        cell(s.outdoorHumidityPct()),
        category >= 1 && category <= 9 ? Integer.toString(category) : "",
        cell(s.setpointC()));
  }

  private static String cell(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "";
  }

  /** Reads every row of a file written by this class (or by hand in its format). */
  public static List<ClimateRow> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /** Reads every row; {@code name} names the source in error messages. */
  public static List<ClimateRow> read(Reader in, String name) throws IOException {
    List<ClimateRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      try {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()
            || !records.next().stream().map(String::strip).toList().equals(COLUMNS)) {
          throw new IOException(name + ": the first line must be the header " + HEADER);
        }
        while (records.hasNext()) {
          CSVRecord record = records.next();
          // The parser has read the record's line end, so this is the record's last line.
          rows.add(row(record, name + ":" + parser.getCurrentLineNumber()));
        }
      } catch (UncheckedIOException e) {
        // Commons CSV's iterator reports a malformed record (an unclosed quote) unchecked.
        throw new IOException(
            name + ":" + parser.getCurrentLineNumber() + ": " + e.getCause().getMessage(), e);
      }
    }
    return rows;
  }

  private static ClimateRow row(CSVRecord c, String where) throws IOException {
    if (c.size() != COLUMNS.size()) {
      throw new IOException(where + ": expected 9 columns, found " + c.size());
    }
    try {
      return new ClimateRow(
          c.get(1),
          c.get(2),
          new ClimateSample(
              Instant.parse(c.get(0)),
              number(c.get(3)),
              number(c.get(4)),
              number(c.get(5)),
              number(c.get(6)),
              c.get(7).isEmpty() ? 0 : (int) Math.round(Double.parseDouble(c.get(7))),
              number(c.get(8))));
    } catch (RuntimeException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
