package dev.setpoint.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.features.ClimateSample;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClimateCsvTest {
  private static final Instant T = Instant.parse("2025-07-01T00:00:00Z");

  private static String write(ClimateRow... rows) throws IOException {
    StringWriter out = new StringWriter();
    ClimateCsv.writeHeader(out);
    for (ClimateRow row : rows) {
      ClimateCsv.write(out, row);
    }
    return out.toString();
  }

  private static List<ClimateRow> read(String csv) throws IOException {
    return ClimateCsv.read(new StringReader(csv), "test.csv");
  }

  private static IOException readFails(String csv) {
    return assertThrows(IOException.class, () -> read(csv));
  }

  private static ClimateRow row(String device, String site) {
    return new ClimateRow(device, site, new ClimateSample(T, 24.5, 45, 28, 80, 7, 22.5));
  }

  @Test
  void writesOneUnquotedLinePerRowEndingInANewline() throws IOException {
    assertEquals(
        ClimateCsv.HEADER
            + "\n2025-07-01T00:00:00Z,rack-1,gwangju,24.500,45.000,28.000,80.000,7,22.500\n"
            + "2025-07-01T00:00:00Z,rack-2,,-3.250,,,,,\n",
        write(
            row("rack-1", "gwangju"),
            new ClimateRow(
                "rack-2",
                "",
                new ClimateSample(T, -3.25, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN))));
  }

  @Test
  void thePowerColumnIsOptionalAndComesBackWhenWritten() throws IOException {
    StringWriter out = new StringWriter();
    ClimateCsv.writeHeader(out, true);
    ClimateSample sample = new ClimateSample(T, 24.5, 45, 28, 80, 7, 22.5);
    ClimateCsv.write(out, new ClimateRow("rack-1", "gwangju", sample, 12.25), true);
    ClimateCsv.write(out, new ClimateRow("rack-2", "gwangju", sample), true);
    assertEquals(
        ClimateCsv.HEADER
            + ",controllable_power\n"
            + "2025-07-01T00:00:00Z,rack-1,gwangju,24.500,45.000,28.000,80.000,7,22.500,12.250\n"
            + "2025-07-01T00:00:00Z,rack-2,gwangju,24.500,45.000,28.000,80.000,7,22.500,\n",
        out.toString());
    List<ClimateRow> back = read(out.toString());
    assertEquals(12.25, back.get(0).controllablePowerKw());
    assertTrue(Double.isNaN(back.get(1).controllablePowerKw()));
    assertTrue(Double.isNaN(read(write(row("rack-3", ""))).getFirst().controllablePowerKw()));
    IOException e =
        readFails(
            ClimateCsv.HEADER + ",controllable_power\n" + "2025-07-01T00:00:00Z,r,s,1,2,3,4,5,6\n");
    assertEquals("test.csv:2: expected 10 columns, found 9", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"rack,1", "rack \"1\"", "line\nbreak", "cr\r\nlf", " padded ", "'", "\"", "#1"})
  void namesWithCommasQuotesAndLineBreaksComeBackAsTheyWere(String name) throws IOException {
    List<ClimateRow> back = read(write(row(name, "site " + name), row("plain", "")));
    assertEquals(2, back.size());
    assertEquals(name, back.get(0).device());
    assertEquals("site " + name, back.get(0).site());
    assertEquals(24.5, back.get(0).sample().indoorTemperatureC());
    assertEquals("plain", back.get(1).device());
  }

  @Test
  void quotesOnlyTheCellsThatNeedIt() throws IOException {
    String csv = write(row("rack,1", "say \"hi\""));
    assertTrue(
        csv.endsWith(
            "2025-07-01T00:00:00Z,\"rack,1\",\"say \"\"hi\"\"\",24.500,"
                + "45.000,28.000,80.000,7,22.500\n"),
        csv);
  }

  @Test
  void readsWindowsLineEndsAndSkipsBlankLines() throws IOException {
    String csv =
        ClimateCsv.HEADER
            + "\r\n\r\n2025-07-01T00:00:00Z,rack-1,gwangju,24.5,45,28,80,7,22.5\r\n"
            + "\r\n2025-07-01T00:01:00Z,rack-1,gwangju,24.75,45,,,,22.5\r\n";
    List<ClimateRow> rows = read(csv);
    assertEquals(2, rows.size());
    assertEquals("gwangju", rows.get(1).site());
    assertTrue(Double.isNaN(rows.get(1).sample().outdoorTemperatureC()));
    assertEquals(0, rows.get(1).sample().weatherCategory());
  }

  @Test
  void refusesAFileWithoutTheHeader() {
    IOException e = readFails("time,device\n2025-07-01T00:00:00Z,rack-1\n");
    assertTrue(
        e.getMessage().startsWith("test.csv: the first line must be the header"), e.getMessage());
    readFails("");
  }

  @Test
  void namesTheLineOfARowWithTheWrongNumberOfColumns() {
    IOException e =
        readFails(
            ClimateCsv.HEADER
                + "\n2025-07-01T00:00:00Z,rack-1,gwangju,24.5,45,28,80,7,22.5\n"
                + "2025-07-01T00:01:00Z,rack-1,gwangju,24.5\n");
    assertEquals("test.csv:3: expected 9 columns, found 4", e.getMessage());
  }

  @Test
  void namesTheLineOfAValueThatIsNotANumberOrATime() {
    IOException e =
        readFails(ClimateCsv.HEADER + "\nyesterday,rack-1,gwangju,24.5,45,28,80,7,22.5\n");
    assertTrue(e.getMessage().startsWith("test.csv:2: "), e.getMessage());
    e =
        readFails(
            ClimateCsv.HEADER + "\n2025-07-01T00:00:00Z,rack-1,gwangju,warm,45,28,80,7,22.5\n");
    assertTrue(e.getMessage().startsWith("test.csv:2: "), e.getMessage());
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    IOException e =
        readFails(
            ClimateCsv.HEADER + "\n2025-07-01T00:00:00Z,\"rack-1,gwangju,24.5,45,28,80,7,22.5\n");
    assertTrue(e.getMessage().startsWith("test.csv:"), e.getMessage());
  }
}
