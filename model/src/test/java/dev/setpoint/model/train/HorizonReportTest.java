package dev.setpoint.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class HorizonReportTest {
  @Test
  void theModelBeatsPersistenceOnItsHeldOutWeeksAndItsErrorGrowsWithTheHorizon() throws Exception {
    List<HorizonReport.Row> rows =
        HorizonReport.run(35, new PrintStream(OutputStream.nullOutputStream()));

    int cells = HorizonReport.cells().size();
    assertEquals((HorizonReport.HORIZONS.size() + 1) * cells, rows.size());
    List<HorizonReport.Row> power = rows.stream().filter(HorizonReport.Row::power).toList();
    assertEquals(cells, power.size(), "one power row per cell");
    for (HorizonReport.Row r : power) {
      assertEquals(HorizonReport.HORIZONS.getLast(), r.horizon());
      assertTrue(r.model().count() > 0 && Double.isFinite(r.model().mae()), r.toString());
    }
    List<HorizonReport.Row> heldOut =
        rows.stream().filter(r -> !r.power() && r.cell().startsWith("Gwangju × default")).toList();
    assertEquals(3, heldOut.size());
    for (HorizonReport.Row r : heldOut) {
      assertTrue(r.model().count() > 0, r.toString());
      assertTrue(r.model().mae() < r.persistence().mae(), "beats persistence: " + r);
    }
    assertTrue(
        heldOut.get(0).persistence().mae() < heldOut.get(2).persistence().mae(),
        "the inlet moves more in 30 minutes than in 10: " + heldOut);
    String md = HorizonReport.markdown(rows, 35, "test");
    assertTrue(md.contains("| 30 min |") && md.contains("Helsinki × small-dx"), md);
    assertTrue(md.contains("## Power head") && md.contains("model MAE kW"), md);
  }
}
