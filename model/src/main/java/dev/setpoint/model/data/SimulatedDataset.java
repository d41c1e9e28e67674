package dev.setpoint.model.data;

import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import dev.setpoint.model.sim.SiteClimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Training data from the simulator: a room run for some days under setpoints that keep changing, so
 * the model sees what a setpoint does. The setpoint follows segments of 20–180 minutes, each one
 * of: a constant random setpoint (half of them), a random walk of ±0.5 °C every 5 minutes (a
 * third), or a thermostat that steers the inlet into a random band (the rest). All setpoints lie in
 * 18–27 °C on the 0.5 °C grid. Samples are taken every {@code sampleInterval}.
 */
public final class SimulatedDataset {
  /** The simulator's step, the device agent's default reporting period. */
  public static final Duration STEP = Duration.ofSeconds(10);

  private final RoomParameters room;
  private final SiteClimate site;
  private final Duration sampleInterval;

  public SimulatedDataset(RoomParameters room, SiteClimate site, Duration sampleInterval) {
    if (sampleInterval.toMillis() % STEP.toMillis() != 0) {
      throw new IllegalArgumentException("the sample interval must be a multiple of " + STEP);
    }
    this.room = room;
    this.site = site;
    this.sampleInterval = sampleInterval;
  }

  /**
   * Runs {@code days} days from 1 January with {@code seed} and hands every sample to {@code sink};
   * {@code dayDone} hears each finished day (for progress).
   */
  public void generate(
      int days, long seed, String device, Consumer<ClimateRow> sink, IntConsumer dayDone) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5e7901L);
    RoomSimulator sim = new RoomSimulator(room, site, 0, 22.0, seed);
    long stepsPerSample = sampleInterval.toMillis() / STEP.toMillis();
    long stepsPerDay = Duration.ofDays(1).toMillis() / STEP.toMillis();
    long stepsPer5Min = Duration.ofMinutes(5).toMillis() / STEP.toMillis();
    double setpoint = 22.0;
    long segmentEnd = 0;
    int kind = 0;
    double bandLow = 23;
    RoomState state = sim.state();
    for (long step = 0; step < days * stepsPerDay; step++) {
      if (step >= segmentEnd) {
        segmentEnd = step + (20 + random.nextInt(161)) * 6L;
        double u = random.nextDouble();
        kind = u < 0.5 ? 0 : u < 5.0 / 6 ? 1 : 2;
        if (kind == 0) {
          setpoint = 18.0 + 0.5 * random.nextInt(19);
        }
        bandLow = 21.0 + 0.5 * random.nextInt(11);
      } else if (step % stepsPer5Min == 0 && kind == 1) {
        setpoint = clamp(setpoint + (random.nextBoolean() ? 0.5 : -0.5));
      } else if (step % stepsPer5Min == 0 && kind == 2) {
        if (state.inletTemperatureC() > bandLow + 1.5) {
          setpoint = clamp(setpoint - 1.0);
        } else if (state.inletTemperatureC() < bandLow) {
          setpoint = clamp(setpoint + 0.5);
        }
      }
      state = sim.step(STEP, setpoint);
      if ((step + 1) % stepsPerSample == 0) {
        sink.accept(
            new ClimateRow(
                device, site.name(), sample(state), state.electricKw() + state.serverFanExtraKw()));
      }
      if ((step + 1) % stepsPerDay == 0) {
        dayDone.accept((int) ((step + 1) / stepsPerDay));
      }
    }
  }

  /** Writes {@code days} days as CSV (with header and the power column). */
  public void write(int days, long seed, String device, java.io.Writer out, IntConsumer dayDone)
      throws IOException {
    ClimateCsv.writeHeader(out, true);
    try {
      generate(
          days,
          seed,
          device,
          row -> {
            try {
              ClimateCsv.write(out, row, true);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          dayDone);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The model's view of a simulator state. */
  public static ClimateSample sample(RoomState s) {
    return new ClimateSample(
        s.time(),
        s.inletTemperatureC(),
        s.relativeHumidityPct(),
        s.outdoorTemperatureC(),
        s.outdoorHumidityPct(),
        s.weatherCategory(),
        s.setpointC());
  }

  private static double clamp(double setpoint) {
    return Math.max(18.0, Math.min(27.0, setpoint));
  }
}
