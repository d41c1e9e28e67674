package dev.setpoint.analytics.infrastructure.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.MeterReading;
import dev.setpoint.analytics.domain.energy.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The energy points as written, and rows as the InfluxQL API hands them back (CSV text). */
class EnergyPointsTest {
  private static final Meter CRAC = new Meter("crac 1", Quantity.COOLING, "hall-a", "gwangju");

  @Test
  void anHourIsAPointAtItsStartTaggedByItsMeter() {
    MeterHour hour =
        new MeterHour(
            CRAC, new HourEnergy(1_764_547_200_000L, 58.25, 3_000_000, 600_000, 0, 1, false));

    assertEquals(
        "energy,device=crac\\ 1,quantity=cooling,room=hall-a,site=gwangju complete=false,"
            + "covered_s=3000.0,excluded_s=0.0,gap_s=600.0,kwh=58.25,resets=1i 1764547200000",
        EnergyPoints.hour(hour).toLineProtocol());
  }

  @Test
  void anAnomalyPieceIsAPointAtItsStartTaggedByItsKind() {
    MeterAnomaly anomaly =
        new MeterAnomaly(
            new Meter("pdu-1", Quantity.IT, "pdu-1", null),
            new EnergyAnomaly(
                AnomalyKind.JUMP, 1_764_547_260_000L, 1_764_547_270_000L, "it_energy rose by 9"),
            false);

    assertEquals(
        "energy_anomaly,device=pdu-1,kind=jump,quantity=it,room=pdu-1 cleared=false,"
            + "detail=\"it_energy rose by 9\",from=1764547260000i,to=1764547270000i"
            + " 1764547260000",
        EnergyPoints.anomaly(anomaly).toLineProtocol());
  }

  private static InfluxQLQueryResult.Series.Record row(List<String> names, String... values) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (String name : names) {
      columns.put(name, columns.size());
    }
    return new InfluxQLQueryResult.Series("x", columns).new Record((Object[]) values);
  }

  @Test
  void rowsReadBackWithEmptyCellsAsAbsent() {
    HourEnergy hour =
        InfluxEnergyStore.hour(
            row(
                List.of("time", "kwh", "covered_s", "gap_s", "excluded_s", "resets", "complete"),
                "1764547200000",
                "58.25",
                "3000",
                "600",
                "0",
                "1",
                "false"));
    MeterReading power =
        InfluxEnergyStore.reading(
            row(
                List.of("time", "cooling_energy", "cooling_power", "room", "site"),
                "1764547200000",
                "",
                "12.5",
                "",
                "gwangju"),
            Quantity.COOLING);

    assertEquals(new HourEnergy(1_764_547_200_000L, 58.25, 3_000_000, 600_000, 0, 1, false), hour);
    assertEquals(new MeterReading(1_764_547_200_000L, null, 12.5, null, "gwangju"), power);
  }
}
