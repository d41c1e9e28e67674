package dev.setpoint.analytics.infrastructure.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The savings' statements over the raw points and over the roll-ups. */
class SavingsStatementsTest {
  private static final Instant FROM = Instant.ofEpochMilli(1_764_547_200_000L);
  private static final Instant TO = Instant.ofEpochMilli(1_764_568_800_000L);
  private static final String WHERE =
      " WHERE \"room\" = 'r1' AND time >= 1764547200000ms AND time < 1764568800000ms";

  @Test
  void theHoursDriversAreTheRawMeansOrTheHourRollUpsDeviceMeans() {
    assertEquals(
        "SELECT mean(\"outdoor_temperature\") AS \"t\", mean(\"outdoor_humidity\") AS \"rh\","
            + " mean(\"compute_power\") AS \"load\" FROM \"climate\""
            + WHERE
            + " GROUP BY time(1h) fill(none)",
        SavingsStatements.drivers("r1", FROM, TO));
    assertEquals(
        "SELECT mean(\"mean_outdoor_temperature\") AS \"t\", mean(\"mean_outdoor_humidity\") AS"
            + " \"rh\", mean(\"mean_compute_power\") AS \"load\" FROM \"rollup_1h\".\"climate\""
            + WHERE
            + " GROUP BY time(1h) fill(none)",
        SavingsStatements.rolledUpDrivers("r1", FROM, TO));
  }

  @Test
  void theInletMinutesAreTheRawPointsOrTheMinuteRollUpsRoomMinutes() {
    assertEquals(
        "SELECT max(\"temperature\") AS \"hottest\", mean(\"temperature\") AS \"mean\","
            + " mean(\"humidity\") AS \"rh\" FROM \"climate\""
            + WHERE
            + " GROUP BY time(1m) fill(none)",
        SavingsStatements.inletMinutes("r1", FROM, TO));
    assertEquals(
        "SELECT max(\"hottest_inlet\") AS \"hottest\", mean(\"mean_temperature\") AS \"mean\","
            + " mean(\"mean_humidity\") AS \"rh\" FROM \"rollup_1m\".\"room_climate\""
            + WHERE
            + " GROUP BY time(1m) fill(none)",
        SavingsStatements.rolledUpInletMinutes("r1", FROM, TO));
  }

  @Test
  void aSitesRoomsAreLookedUpInBothCopies() {
    assertEquals(
        "SHOW TAG VALUES FROM \"energy\" WITH KEY = \"room\" WHERE \"site\" = 's'",
        SavingsStatements.roomsOfSite("energy", "s", false));
    assertEquals(
        "SHOW TAG VALUES FROM \"rollup_1h\".\"energy\" WITH KEY = \"room\" WHERE \"site\" = 's'",
        SavingsStatements.roomsOfSite("energy", "s", true));
  }
}
