package dev.setpoint.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteClimateTest {
  @TempDir Path dir;

  private Path csv(SiteClimate c, String zone) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# monthly normals");
    lines.add(SiteClimate.CSV_HEADER);
    for (int m = 11; m >= 0; m--) { // any order
      lines.add(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%s,%s,%s,%s",
              c.name(),
              zone,
              m + 1,
              c.meanMaxC()[m],
              c.meanMinC()[m],
              c.relativeHumidityPct()[m],
              c.wetDays()[m]));
    }
    Path file = dir.resolve(c.name() + ".csv");
    Files.write(file, lines);
    return file;
  }

  @Test
  void aCsvOfMonthlyNormalsReadsAsTheSameClimate() throws IOException {
    for (SiteClimate c : SiteClimate.builtIn()) {
      assertEquals(c, SiteClimate.fromCsv(csv(c, c.zone().getId())));
    }
    assertEquals(
        SiteClimate.PHOENIX,
        SiteClimate.named(csv(SiteClimate.PHOENIX, "America/Phoenix").toString()));
  }

  @Test
  void builtInClimatesAreFoundByName() throws IOException {
    assertSame(SiteClimate.SINGAPORE, SiteClimate.named("singapore"));
    var e = assertThrows(IllegalArgumentException.class, () -> SiteClimate.named("Atlantis"));
    assertTrue(e.getMessage().contains("Gwangju"), e.getMessage());
  }

  @Test
  void aBadFileIsRefusedWithItsLine() throws IOException {
    Path file = csv(SiteClimate.LONDON, "Europe/London");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(5);
    Files.write(file, lines);
    var missing = assertThrows(IllegalArgumentException.class, () -> SiteClimate.fromCsv(file));
    assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());

    Path zone = csv(SiteClimate.LONDON, "Mars/Olympus");
    var badZone = assertThrows(IllegalArgumentException.class, () -> SiteClimate.fromCsv(zone));
    assertTrue(badZone.getMessage().contains("line 3"), badZone.getMessage());

    Path swapped = dir.resolve("swapped.csv");
    Files.write(swapped, List.of(SiteClimate.CSV_HEADER, "X,UTC,1,-5,5,80,3"));
    var order = assertThrows(IllegalArgumentException.class, () -> SiteClimate.fromCsv(swapped));
    assertTrue(order.getMessage().contains("mean_min_c ≤ mean_max_c"), order.getMessage());

    Path header = dir.resolve("header.csv");
    Files.write(header, List.of("month,max,min"));
    assertThrows(IllegalArgumentException.class, () -> SiteClimate.fromCsv(header));
  }

  @Test
  void theClimatesHaveTheirCharacter() {
    WeatherGenerator singapore = new WeatherGenerator(SiteClimate.SINGAPORE, 1);
    WeatherGenerator helsinki = new WeatherGenerator(SiteClimate.HELSINKI, 1);
    WeatherGenerator phoenix = new WeatherGenerator(SiteClimate.PHOENIX, 1);
    double sg = 0;
    double hel = 0;
    double phxRh = 0;
    int n = 0;
    for (int h = 0; h < 24 * 365; h += 7) {
      var at = java.time.Duration.ofHours(h);
      sg += singapore.at(at).temperatureC();
      hel += helsinki.at(at).temperatureC();
      phxRh += phoenix.at(at).humidityPct();
      n++;
    }
    assertEquals(28, sg / n, 1.5);
    assertEquals(6, hel / n, 2.0);
    assertTrue(phxRh / n < 45, "Phoenix is dry: " + phxRh / n);
  }
}
