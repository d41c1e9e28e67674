package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.setpoint.analytics.application.energy.AnomalyReport;
import dev.setpoint.analytics.application.energy.EnergyReport;
import dev.setpoint.analytics.application.energy.EnergyRow;
import dev.setpoint.analytics.application.energy.RoomAnomaly;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The energy bodies; the resource itself is tested on Liberty (EnergyApiIT). */
class EnergyResourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void aRowNamesItsQuantitiesAndHowItWasCovered() {
    EnergyReport report =
        new EnergyReport(
            "hall-a",
            T0,
            T0.plusSeconds(7200),
            "hour",
            List.of("crac-1/cooling"),
            List.of(
                new EnergyRow(T0, 60.5, null, 3000, 600, 0, 1, false),
                new EnergyRow(T0.plusSeconds(3600), 61.0, null, 3600, 0, 0, 0, true)));

    JsonObject body = EnergyResource.json(report);

    assertEquals("hour", body.getString("step"));
    assertEquals("crac-1/cooling", body.getJsonArray("meters").getString(0));
    JsonObject row = body.getJsonArray("rows").getJsonObject(0);
    assertEquals("2026-12-01T00:00:00Z", row.getString("time"));
    assertEquals(60.5, row.getJsonNumber("coolingKwh").doubleValue());
    assertFalse(row.containsKey("itKwh"), row.toString());
    assertEquals(3000.0, row.getJsonNumber("coveredSeconds").doubleValue());
    assertEquals(600.0, row.getJsonNumber("gapSeconds").doubleValue());
    assertEquals(0.0, row.getJsonNumber("excludedSeconds").doubleValue());
    assertEquals(1, row.getInt("resets"));
    assertFalse(row.getBoolean("complete"));
    assertEquals(true, body.getJsonArray("rows").getJsonObject(1).getBoolean("complete"));
  }

  @Test
  void anAnomalyCarriesItsReason() {
    JsonObject body =
        EnergyResource.json(
            new AnomalyReport(
                "hall-a",
                T0,
                T0.plusSeconds(3600),
                List.of(
                    new RoomAnomaly(
                        "crac-1",
                        "cooling",
                        "jump",
                        T0.plusSeconds(60),
                        T0.plusSeconds(70),
                        "cooling_energy rose by 17520 kWh in 10 s"))));

    JsonObject anomaly = body.getJsonArray("anomalies").getJsonObject(0);
    assertEquals("hall-a", body.getString("room"));
    assertEquals("jump", anomaly.getString("kind"));
    assertEquals("cooling", anomaly.getString("quantity"));
    assertEquals("2026-12-01T00:01:00Z", anomaly.getString("from"));
    assertEquals("cooling_energy rose by 17520 kWh in 10 s", anomaly.getString("detail"));
  }
}
