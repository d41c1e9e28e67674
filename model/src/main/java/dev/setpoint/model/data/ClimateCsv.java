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
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV format of datasets, written by the simulator and by the InfluxDB export and read by
 * training, through Apache Commons CSV. Columns are InfluxDB's names ({@link #HEADER}); time is
 * ISO-8601 UTC; an empty cell is a missing value (NaN, or category 0), which training skips. A
 * device or site name with a comma, a quote or a line break is quoted (RFC 4180); lines end in
 * {@code \n}, and a file with {@code \r\n} reads as well.
 *
 * <p>A tenth column, {@value #POWER_COLUMN} (the power a setpoint can change, kW), is optional: the
 * simulator writes it, telemetry has no power to export, and a file has it or not as its header
 * says.
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

  /** The optional last column: {@link ClimateRow#controllablePowerKw()}. */
  public static final String POWER_COLUMN = "controllable_power";

  /** The columns of a file with power, in order. */
  public static final List<String> COLUMNS_WITH_POWER =
      Stream.concat(COLUMNS.stream(), Stream.of(POWER_COLUMN)).toList();

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').setIgnoreEmptyLines(true).get();

  private ClimateCsv() {}

  /** Writes the header line (without the power column). */
  public static void writeHeader(Writer out) throws IOException {
    writeHeader(out, false);
  }

  /** Writes the header line, with the power column when {@code power}. */
  public static void writeHeader(Writer out, boolean power) throws IOException {
    FORMAT.printRecord(out, (power ? COLUMNS_WITH_POWER : COLUMNS).toArray());
  }

  /** Writes one row (without the power column). */
  public static void write(Writer out, ClimateRow row) throws IOException {
    write(out, row, false);
  }

  /** Writes one row, with the power column when {@code power} (as the header said). */
  public static void write(Writer out, ClimateRow row, boolean power) throws IOException {
    ClimateSample s = row.sample();
    int category = s.weatherCategory();
    List<Object> cells =
        new ArrayList<>(
            List.of(
                s.time(),
                row.device(),
                row.site(),
                cell(s.indoorTemperatureC()),
                cell(s.indoorHumidityPct()),
                cell(s.outdoorTemperatureC()),
                cell(s.outdoorHumidityPct()),
                category >= 1 && category <= 9 ? Integer.toString(category) : "",
                cell(s.setpointC())));
    if (power) {
      cells.add(cell(row.controllablePowerKw()));
    }
    FORMAT.printRecord(out, cells.toArray());
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
        List<String> header =
            records.hasNext() ? records.next().stream().map(String::strip).toList() : List.of();
        if (!header.equals(COLUMNS) && !header.equals(COLUMNS_WITH_POWER)) {
          throw new IOException(
              name
                  + ": the first line must be the header "
                  + HEADER
                  + " (optionally followed by ,"
                  + POWER_COLUMN
                  + ")");
        }
        while (records.hasNext()) {
          CSVRecord record = records.next();
          // The parser has read the record's line end, so this is the record's last line.
          rows.add(row(record, header.size(), name + ":" + parser.getCurrentLineNumber()));
        }
      } catch (UncheckedIOException e) {
        // Commons CSV's iterator reports a malformed record (an unclosed quote) unchecked.
        throw new IOException(
            name + ":" + parser.getCurrentLineNumber() + ": " + e.getCause().getMessage(), e);
      }
    }
    return rows;
  }

  private static ClimateRow row(CSVRecord c, int columns, String where) throws IOException {
    if (c.size() != columns) {
      throw new IOException(where + ": expected " + columns + " columns, found " + c.size());
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
              number(c.get(8))),
          columns > COLUMNS.size() ? number(c.get(9)) : Double.NaN);
    } catch (RuntimeException e) {
      throw new IOException(where + ": " + e.getMessage(), e);
    }
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }
}
