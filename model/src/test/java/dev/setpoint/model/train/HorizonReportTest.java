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

    assertEquals(HorizonReport.HORIZONS.size() * HorizonReport.cells().size(), rows.size());
    List<HorizonReport.Row> heldOut =
        rows.stream().filter(r -> r.cell().startsWith("Gwangju × default")).toList();
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
  }
}
