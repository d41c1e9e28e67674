package dev.setpoint.analytics.infrastructure.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.influxdb.client.write.Point;
import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeatherPointsTest {
  private static final long OBSERVED = 1_764_316_000_000L;

  private static TelemetryMessage reading(String device, String site, OutdoorConditions outdoor) {
    return new TelemetryMessage(
        2,
        "e-" + device,
        device,
        "room-sensor",
        "climate",
        1_764_316_800_000_000_000L,
        List.of(new TelemetryReading("temperature", 24.0, "degC")),
        site,
        outdoor,
        null,
        null,
        null);
  }

  private static OutdoorConditions observed(long at, double temperature, boolean stale) {
    return new OutdoorConditions(temperature, 80.0, 6, at, "openweathermap", stale, 10, false);
  }

  private static List<String> lines(List<Point> points) {
    return points.stream().map(Point::toLineProtocol).toList();
  }

  @Test
  void oneObservationIsOnePointAtItsObservedTime() {
    assertEquals(
        "weather,site=gwangju,source=openweathermap category=6i,humidity=80.0,simulated=false,"
            + "temperature=3.5 1764316000000",
        WeatherPoints.of("gwangju", observed(OBSERVED, 3.5, false)).toLineProtocol());
  }

  @Test
  void aBatchAddsEachObservationOfEachSiteOnce() {
    WeatherPoints weather = new WeatherPoints();
    List<Point> points = new ArrayList<>();
    List<TelemetryMessage> batch =
        List.of(
            reading("a", "gwangju", observed(OBSERVED, 3.5, false)),
            reading("b", "gwangju", observed(OBSERVED, 3.5, true)),
            reading("c", "seoul", observed(OBSERVED, 1.0, false)),
            reading("d", "gwangju", observed(OBSERVED + 600_000, 4.0, false)),
            reading("e", "gwangju", null));

    List<WeatherPoints.Observation> added = weather.unwritten(batch, points);

    assertEquals(3, added.size());
    assertEquals(
        List.of(
            "weather,site=gwangju,source=openweathermap category=6i,humidity=80.0,"
                + "simulated=false,temperature=3.5 1764316000000",
            "weather,site=seoul,source=openweathermap category=6i,humidity=80.0,"
                + "simulated=false,temperature=1.0 1764316000000",
            "weather,site=gwangju,source=openweathermap category=6i,humidity=80.0,"
                + "simulated=false,temperature=4.0 1764316600000"),
        lines(points));
  }

  @Test
  void anObservationIsWrittenAgainUntilItsWriteSucceeded() {
    WeatherPoints weather = new WeatherPoints();
    List<TelemetryMessage> batch = List.of(reading("a", "gwangju", observed(OBSERVED, 3.5, false)));

    List<Point> failed = new ArrayList<>();
    weather.unwritten(batch, failed); // the write fails: nothing remembered
    List<Point> retried = new ArrayList<>();
    List<WeatherPoints.Observation> added = weather.unwritten(batch, retried);
    weather.written(added);
    List<Point> later = new ArrayList<>();
    weather.unwritten(
        List.of(
            reading("b", "gwangju", observed(OBSERVED, 3.5, false)),
            reading("c", "gwangju", observed(OBSERVED + 600_000, 4.0, false))),
        later);

    assertEquals(1, failed.size());
    assertEquals(lines(failed), lines(retried));
    assertEquals(
        List.of(
            "weather,site=gwangju,source=openweathermap category=6i,humidity=80.0,"
                + "simulated=false,temperature=4.0 1764316600000"),
        lines(later));
  }

  @Test
  void theRememberedObservationsAreBounded() {
    WeatherPoints weather = new WeatherPoints();
    for (int i = 0; i <= WeatherPoints.REMEMBERED; i++) {
      List<Point> points = new ArrayList<>();
      weather.written(
          weather.unwritten(
              List.of(reading("a", "site-" + i, observed(OBSERVED, 3.5, false))), points));
    }
    List<Point> again = new ArrayList<>();
    // the first site's observation was forgotten (the oldest), so it is written again; the newest
    // is still remembered
    weather.unwritten(
        List.of(
            reading("a", "site-0", observed(OBSERVED, 3.5, false)),
            reading("a", "site-" + WeatherPoints.REMEMBERED, observed(OBSERVED, 3.5, false))),
        again);
    assertEquals(1, again.size());
    assertEquals(
        "weather,site=site-0,source=openweathermap category=6i,humidity=80.0,simulated=false,"
            + "temperature=3.5 1764316000000",
        again.get(0).toLineProtocol());
  }
}
