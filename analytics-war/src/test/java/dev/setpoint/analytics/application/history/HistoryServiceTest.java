package dev.setpoint.analytics.application.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.setpoint.analytics.domain.history.ClimateSample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryServiceTest {

  @Test
  void latestTakesTheNewestValueOfEachFieldOnItsOwn() {
    List<ClimateSample> samples =
        List.of(
            new ClimateSample(1_000, 22.0, 40.0, 12.0, 70.0, 3, 20.0),
            new ClimateSample(2_000, 23.0, null, 13.0, 71.0, null, 21.0),
            new ClimateSample(3_000, 24.0, null, null, null, null, null));

    ClimateSample latest = HistoryService.latest(samples);

    assertEquals(new ClimateSample(3_000, 24.0, 40.0, 13.0, 71.0, 3, 21.0), latest);
  }

  @Test
  void noSamplesHaveNoLatest() {
    assertNull(HistoryService.latest(List.of()));
  }

  @Test
  void durationsAreWrittenInTheirLargestWholeUnit() {
    assertEquals("10s", HistoryService.influxDuration(Duration.ofSeconds(10)));
    assertEquals("90s", HistoryService.influxDuration(Duration.ofSeconds(90)));
    assertEquals("5m", HistoryService.influxDuration(Duration.ofMinutes(5)));
    assertEquals("2h", HistoryService.influxDuration(Duration.ofHours(2)));
    assertEquals("1d", HistoryService.influxDuration(Duration.ofDays(1)));
  }
}
