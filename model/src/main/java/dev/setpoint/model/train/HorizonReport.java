package dev.setpoint.model.train;

import dev.setpoint.model.data.ClimateCsv;
import dev.setpoint.model.data.ClimateRow;
import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.eval.Evaluation;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.SiteClimate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far ahead the model's kind of prediction holds: the bootstrap recipe's ridge regression
 * trained for a 10-, 20- and 30-minute horizon (one head per horizon, as the served look-ahead
 * model has them), each measured against persistence (the inlet stays as it is) on the held-out
 * weeks of its training cell and on three cells it never saw, each simulated with its own seed.
 * These are the served look-ahead model's heads (the same recipe, the same seed); nothing here
 * changes it.
 */
public final class HorizonReport {
  /** The horizons reported: the served model's look-ahead heads. */
  public static final List<Duration> HORIZONS = Bootstrap.LOOKAHEAD;

  /** The seed of the unseen cells' simulated data (the bootstrap trains on seed 42). */
  public static final long TEST_SEED = 4242;

  /** One cell's data: the bootstrap's own held-out weeks, or a whole unseen cell. */
  record Cell(String name, RoomParameters room, SiteClimate climate, boolean training) {}

  /**
   * One row of the report.
   *
   * @param cell the cell measured
   * @param horizon how far ahead
   * @param model the model's error
   * @param persistence persistence's error on the same examples
   * @param power whether this is the power head's row (errors in kW) rather than an inlet head's
   *     (°C)
   */
  public record Row(
      String cell,
      Duration horizon,
      Trainer.Metrics model,
      Trainer.Metrics persistence,
      boolean power) {

    /** An inlet head's row. */
    public Row(String cell, Duration horizon, Trainer.Metrics model, Trainer.Metrics persistence) {
      this(cell, horizon, model, persistence, false);
    }
  }

  private HorizonReport() {}

  /** The cells: the training cell's held-out weeks, then three cells never trained on. */
  static List<Cell> cells() {
    var rooms = Evaluation.rooms();
    return List.of(
        new Cell(
            "Gwangju × default (held-out weeks)", rooms.get("default"), SiteClimate.GWANGJU, true),
        new Cell("Singapore × default", rooms.get("default"), SiteClimate.SINGAPORE, false),
        new Cell("Gwangju × dense", rooms.get("dense"), SiteClimate.GWANGJU, false),
        new Cell("Helsinki × small-dx", rooms.get("small-dx"), SiteClimate.HELSINKI, false));
  }

  /** Trains the look-ahead heads on {@code days} of the bootstrap's data and measures them. */
  public static List<Row> run(int days, PrintStream progress) throws IOException {
    Duration interval = SampleWindow.DEFAULT_INTERVAL;
    List<Cell> cells = cells();
    List<List<ClimateRow>> data = new ArrayList<>();
    for (Cell cell : cells) {
      long seed = cell.training() ? Bootstrap.DEFAULT_SEED : TEST_SEED;
      progress.printf("horizons: simulating %s, %d days, seed %d%n", cell.name(), days, seed);
      data.add(simulate(cell, days, seed));
    }
    Trainer.Result trained =
        new Trainer(interval, HORIZONS, Trainer.DEFAULT_LAMBDA)
            .train(data.get(0), "horizon report", Instant.EPOCH);
    List<Row> rows = new ArrayList<>();
    for (Trainer.Head head : trained.heads()) {
      rows.add(new Row(cells.get(0).name(), head.horizon(), head.holdout(), head.persistence()));
      for (int c = 1; c < cells.size(); c++) {
        Examples test = Examples.of(data.get(c), interval, head.horizon(), 1);
        double[] predicted = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
          predicted[i] = head.model().predict(test.features(), i);
        }
        rows.add(
            new Row(
                cells.get(c).name(),
                head.horizon(),
                Trainer.Metrics.of(predicted, test.targets()),
                Trainer.Metrics.of(test.current(), test.targets())));
      }
      progress.printf("horizons: %d min done%n", head.horizon().toMinutes());
    }
    Trainer.Head power = trained.power();
    if (power != null) {
      rows.add(
          new Row(
              cells.get(0).name(), power.horizon(), power.holdout(), power.persistence(), true));
      for (int c = 1; c < cells.size(); c++) {
        Examples test = Examples.power(data.get(c), interval, power.horizon(), 1);
        float[] wide = PowerFeatures.expand(test.features(), test.size());
        double[] predicted = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
          predicted[i] = power.model().predict(wide, i);
        }
        rows.add(
            new Row(
                cells.get(c).name(),
                power.horizon(),
                Trainer.Metrics.of(predicted, test.targets()),
                Trainer.Metrics.of(test.current(), test.targets()),
                true));
      }
      progress.printf("horizons: power head done%n");
    }
    return rows;
  }

  private static List<ClimateRow> simulate(Cell cell, int days, long seed) throws IOException {
    StringWriter csv = new StringWriter();
    new SimulatedDataset(cell.room(), cell.climate(), SampleWindow.DEFAULT_INTERVAL)
        .write(days, seed, Bootstrap.DEVICE, csv, day -> {});
    return ClimateCsv.read(new StringReader(csv.toString()), cell.name());
  }

  /** The report as markdown. */
  public static String markdown(List<Row> rows, int days, String command) {
    StringBuilder md = new StringBuilder("# Prediction error by horizon\n\n");
    md.append("Generated by `")
        .append(command)
        .append("`; do not edit by hand.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "The bootstrap recipe (ridge regression on the 37 features, trained on %d simulated"
                    + " days of Gwangju's default room, seed %d, every fifth week held out) trained"
                    + " once per horizon: the inlet temperature 10, 20 and 30 minutes ahead with the"
                    + " candidate setpoint held. Each is measured on the training cell's held-out"
                    + " weeks and on %d simulated days of three cells it never saw (seed %d), against"
                    + " persistence (the inlet stays as it is). These are the served model's three"
                    + " look-ahead heads: the recommender keeps the hottest of their predictions"
                    + " under the limit (model/README.md, Look-ahead).%n%n",
                days,
                Bootstrap.DEFAULT_SEED,
                days,
                TEST_SEED));
    table(md, rows.stream().filter(r -> !r.power()).toList(), "°C");
    List<Row> power = rows.stream().filter(Row::power).toList();
    if (!power.isEmpty()) {
      md.append("\n## Power head\n\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "The mean power a setpoint can change (cooling plus the server fans above idle)"
                      + " over the next %d minutes with the candidate held, the head the"
                      + " recommender ranks its safe candidates by. Its inputs are the 37 features"
                      + " and the hinges of model/README.md (Power head); no power reading is"
                      + " among them. Persistence has one: it is the power measured at the newest"
                      + " sample, a baseline that knows the room's load but says nothing about"
                      + " another setpoint. On a room it never saw the head's level is off by"
                      + " that room's load, which it cannot know; what the recommender uses is"
                      + " how it ranks the candidates of one window.%n%n",
                  power.getFirst().horizon().toMinutes()));
      table(md, power, "kW");
    }
    return md.toString();
  }

  /** The rows as a table, errors in {@code unit}. */
  private static void table(StringBuilder md, List<Row> rows, String unit) {
    md.append(
        String.format(
            Locale.ROOT,
            "| cell | horizon | model MAE %1$s | persistence MAE %1$s | model RMSE %1$s |"
                + " persistence RMSE %1$s | examples |%n|---|---:|---:|---:|---:|---:|---:|%n",
            unit));
    for (Row r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d min | %.3f | %.3f | %.3f | %.3f | %,d |%n",
              r.cell(),
              r.horizon().toMinutes(),
              r.model().mae(),
              r.persistence().mae(),
              r.model().rmse(),
              r.persistence().rmse(),
              r.model().count()));
    }
  }
}
