package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.application.history.ClimateHistory;
import dev.setpoint.analytics.domain.history.ClimateSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClimateCsvTest {

  @Test
  void oneRowPerSampleWithEmptyCellsForMissingFields() {
    ClimateHistory history =
        new ClimateHistory(
            "rack/1 'a'",
            null,
            0,
            1,
            null,
            "raw",
            List.of(
                new ClimateSample(1_700_000_000_000L, 23.5, 41.0, 12.25, 70.0, 3, 20.0),
                new ClimateSample(1_700_000_010_000L, 23.75, null, null, null, null, null)),
            null,
            null);

    assertEquals(
        ClimateCsv.HEADER
            + "\r\n2023-11-14T22:13:20Z,23.5,41.0,12.25,70.0,3,20.0,raw,\r\n"
            + "2023-11-14T22:13:30Z,23.75,,,,,,raw,\r\n",
        ClimateCsv.of(history));
    assertEquals("climate-rack_1__a_.csv", ClimateCsv.fileName(history));
  }

  @Test
  void everyRowSaysWhichRollUpAndBucketItHolds() {
    ClimateHistory history =
        new ClimateHistory(
            null,
            "gwangju",
            0,
            1,
            "1d",
            "1h",
            List.of(new ClimateSample(1_700_000_000_000L, 23.5, 41.0, null, null, null, null)),
            null,
            null);

    assertEquals(
        "time,temperature,humidity,outdoor_temperature,outdoor_humidity,weather_category,"
            + "current_setpoint,resolution,interval\r\n"
            + "2023-11-14T22:13:20Z,23.5,41.0,,,,,1h,1d\r\n",
        ClimateCsv.of(history));
  }
}
