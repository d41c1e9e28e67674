package dev.setpoint.analytics.infrastructure.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.energy.Quantity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnergyStatementsTest {
  private static final Instant FROM = Instant.ofEpochMilli(1_764_547_200_000L);
  private static final Instant TO = Instant.ofEpochMilli(1_764_568_800_000L);

  @Test
  void theMetersAreTheDevicesWithCounterReadings() {
    assertEquals(
        "SELECT count(\"cooling_energy\") AS \"cooling\", count(\"it_energy\") AS \"it\""
            + " FROM \"climate\" WHERE time >= 1764547200000ms GROUP BY \"device\"",
        EnergyStatements.meters(FROM));
    assertEquals(
        "SELECT last(\"kwh\") FROM \"energy\" WHERE time >= 1764547200000ms"
            + " GROUP BY \"device\", \"quantity\"",
        EnergyStatements.metersWithHours(FROM));
  }

  @Test
  void aMetersReadingsComeWithTheirRoomAndSite() {
    assertEquals(
        "SELECT \"cooling_energy\", \"cooling_power\", \"room\"::tag, \"site\"::tag"
            + " FROM \"climate\" WHERE \"device\" = 'crac-1'"
            + " AND time >= 1764547200000ms AND time <= 1764568800000ms",
        EnergyStatements.readings("crac-1", Quantity.COOLING, FROM, TO));
    assertEquals(
        "SELECT \"it_energy\", \"room\"::tag, \"site\"::tag FROM \"climate\""
            + " WHERE \"device\" = 'pdu-1' AND time >= 1764547200000ms"
            + " AND time < 1764568800000ms ORDER BY time DESC LIMIT 1",
        EnergyStatements.lastCounterBefore("pdu-1", Quantity.IT, TO, FROM));
  }

  @Test
  void aRoomsHoursAndAnomaliesAreGroupedByTheirMeters() {
    assertEquals(
        "SELECT \"kwh\", \"covered_s\", \"gap_s\", \"excluded_s\", \"resets\", \"complete\""
            + " FROM \"energy\" WHERE \"room\" = 'hall-a' AND time >= 1764547200000ms"
            + " AND time < 1764568800000ms GROUP BY \"device\", \"quantity\", \"site\"",
        EnergyStatements.roomHours("hall-a", FROM, TO));
    assertEquals(
        "SELECT \"detail\", \"from\", \"to\", \"cleared\" FROM \"energy_anomaly\""
            + " WHERE \"room\" = 'hall-a' AND time >= 1764547200000ms AND time < 1764568800000ms"
            + " GROUP BY \"device\", \"quantity\", \"site\", \"kind\"",
        EnergyStatements.roomAnomalies("hall-a", FROM, TO));
    assertEquals(
        "SELECT \"detail\", \"from\", \"to\", \"cleared\" FROM \"energy_anomaly\""
            + " WHERE \"device\" = 'crac-1' AND \"quantity\" = 'cooling'"
            + " AND time >= 1764547200000ms AND time < 1764568800000ms"
            + " GROUP BY \"room\", \"site\", \"kind\"",
        EnergyStatements.meterAnomalies("crac-1", Quantity.COOLING, FROM, TO));
  }

  @Test
  void aQuoteInANameStaysInsideItsLiteral() {
    String room = "x' OR room =~ /.*/ OR room = 'y\\";

    assertTrue(
        EnergyStatements.roomHours(room, FROM, TO)
            .contains("\"room\" = 'x\\' OR room =~ /.*/ OR room = \\'y\\\\' AND time >= "),
        EnergyStatements.roomHours(room, FROM, TO));
    assertEquals(
        "SHOW TAG VALUES FROM \"energy\" WITH KEY = \"room\" WHERE \"room\" = 'a\\'b'",
        EnergyStatements.hasRoom("a'b", false));
    assertEquals(
        "SHOW TAG VALUES FROM \"rollup_1h\".\"energy\" WITH KEY = \"room\" WHERE \"room\" = 'a\\'b'",
        EnergyStatements.hasRoom("a'b", true));
  }

  @Test
  void theHoursOlderThanTheRawRetentionAreReadFromTheHourRollUpUnchanged() {
    assertEquals(
        EnergyStatements.roomHours("r1", FROM, TO)
            .replace("FROM \"energy\"", "FROM \"rollup_1h\".\"energy\""),
        EnergyStatements.rolledUpRoomHours("r1", FROM, TO));
  }
}
