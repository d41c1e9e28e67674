package dev.setpoint.contracts.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoomClimateTrackTest {
  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  final RoomClimateTrack track = new RoomClimateTrack();

  @Test
  void theHottestFreshSensorIsTheRoomsInletWithItsHumidityAndDewPoint() {
    track.accept("rs-1", T, 24.0, 40.0);
    RoomClimate c = track.accept("rs-2", T.plusSeconds(10), 22.0, 60.0);
    assertEquals(T.plusSeconds(10), c.time());
    assertEquals(24.0, c.hottestInletC(), "rs-1 is hotter and still fresh");
    assertEquals(40.0, c.humidityPct(), "the humidity at the hottest inlet");
    assertEquals(DewPoint.celsius(24, 40), c.dewPointC(), 1e-12);

    // three minutes on, rs-1 has gone silent: only rs-2 counts
    c = track.accept("rs-2", T.plusSeconds(190), 22.5, 60.0);
    assertEquals(22.5, c.hottestInletC());
  }

  @Test
  void aSensorWithoutHumidityLeavesHumidityAndDewPointUnknown() {
    RoomClimate c = track.accept("rs-1", T, 25.0, null);
    assertTrue(Double.isNaN(c.humidityPct()));
    assertTrue(Double.isNaN(c.dewPointC()));
  }

  @Test
  void theRateIsUnknownForAQuarterHourThenTheWorstChangeScaledToAnHour() {
    for (int minute = 0; minute < 15; minute++) {
      RoomClimate c = track.accept("rs-1", T.plusSeconds(60L * minute), 20 + 0.1 * minute, 45.0);
      assertTrue(Double.isNaN(c.inletRateCPerHour()), "minute " + minute);
    }
    RoomClimate c = track.accept("rs-1", T.plusSeconds(60L * 15), 21.5, 45.0);
    assertEquals(6.0, c.inletRateCPerHour(), 1e-9, "1.5 K in 15 minutes");
  }

  @Test
  void theDewPointFollowsTheMagnusFormula() {
    // 25 °C at 50 % RH has a dew point of 13.9 °C (psychrometric tables)
    assertEquals(13.9, DewPoint.celsius(25, 50), 0.05);
    assertEquals(25.0, DewPoint.celsius(25, 100), 1e-9);
  }
}
