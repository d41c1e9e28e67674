package dev.setpoint.model.train;

import dev.setpoint.model.data.ClimateCsv;
import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.SiteClimate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The bootstrap model's recipe: simulate the default room in Gwangju for {@code days} days with
 * {@code seed} under varied setpoints, write the CSV, read it back, train. The same seed and days
 * give the same model (only {@code trained_at} differs).
 */
public final class Bootstrap {
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_DAYS = 365;

  /** The served model's horizon. */
  public static final Duration HORIZON = Duration.ofMinutes(10);

  /**
   * The look-ahead heads' horizons (the served one first): the policy keeps the hottest of them
   * under the limit, so a setpoint is judged on the next half hour, not only on ten minutes.
   */
  public static final List<Duration> LOOKAHEAD =
      List.of(HORIZON, Duration.ofMinutes(20), Duration.ofMinutes(30));

  public static final String DEVICE = "sim-room-1";

  private Bootstrap() {}

  public static Trainer.Result build(
      long seed, int days, Path csv, Instant trainedAt, PrintStream progress) throws IOException {
    Duration interval = SampleWindow.DEFAULT_INTERVAL;
    SimulatedDataset dataset =
        new SimulatedDataset(RoomParameters.defaults(), SiteClimate.GWANGJU, interval);
    Path parent = csv.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      dataset.write(
          days,
          seed,
          DEVICE,
          out,
          day -> {
            if (day % 30 == 0 || day == days) {
              progress.printf("dataset: day %d/%d%n", day, days);
            }
          });
    }
    progress.printf("train: reading %s%n", csv);
    var rows = ClimateCsv.read(csv);
    progress.printf("train: %d rows, fitting%n", rows.size());
    String source = "simulator: default room, Gwangju, seed " + seed + ", " + days + " days";
    return new Trainer(interval, LOOKAHEAD, Trainer.DEFAULT_LAMBDA).train(rows, source, trainedAt);
  }
}
