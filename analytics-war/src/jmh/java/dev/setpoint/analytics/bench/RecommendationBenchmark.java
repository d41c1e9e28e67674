package dev.setpoint.analytics.bench;

import dev.setpoint.analytics.infrastructure.inference.OnnxSetpointModel;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.features.SampleWindow;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.Recommendation;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.RoomSimulator;
import dev.setpoint.model.sim.RoomState;
import dev.setpoint.model.sim.SiteClimate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One recommendation as analytics makes it: the policy over a full window with all 19 candidates
 * at all three look-ahead horizons (10, 20, 30 min) and their predicted power in one batched ONNX
 * Runtime call on the bootstrap model ({@code decide}: the full-horizon search); that call alone
 * ({@code forecast19}); the look-ahead output alone ({@code predictAhead19}); and the served
 * one-horizon call alone ({@code predict19}). Sample time, so JMH reports p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RecommendationBenchmark {
  private OnnxSetpointModel model;
  private SetpointPolicy policy;
  private SampleWindow window;
  private Instant now;
  private float[] batch;

  @Setup(Level.Trial)
  public void setUp() {
    model = new OnnxSetpointModel(Optional.empty(), Clock.systemUTC());
    policy = new SetpointPolicy();
    window = new SampleWindow();
    RoomSimulator room =
        new RoomSimulator(RoomParameters.defaults(), SiteClimate.GWANGJU, 200, 23, 11);
    RoomState s = null;
    for (int minute = 0; minute < 6; minute++) {
      s = room.step(Duration.ofSeconds(60), 22);
      window.offer(
          new ClimateSample(
              s.time(),
              s.inletTemperatureC(),
              s.relativeHumidityPct(),
              s.outdoorTemperatureC(),
              s.outdoorHumidityPct(),
              s.weatherCategory(),
              s.setpointC()));
    }
    now = s.time();
    batch = FeatureLayout.batch(window.samples(), policy.candidates());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  @Benchmark
  public Recommendation decide() {
    return policy.decide(window, now, model);
  }

  @Benchmark
  public float[] predict19() {
    return model.predict(batch, 19);
  }

  @Benchmark
  public InletPredictor.Forecast forecast19() {
    return model.forecast(batch, 19);
  }

  @Benchmark
  public float[] predictAhead19() {
    return model.predictAhead(batch, 19);
  }
}
