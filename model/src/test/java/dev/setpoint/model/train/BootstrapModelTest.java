package dev.setpoint.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.model.eval.OnnxInletPredictor;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.features.FeatureLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap recipe is deterministic, and the committed model is the one it makes: the full
 * rebuild (a simulated year, ~25 s on two cores) runs with every build.
 */
class BootstrapModelTest {
  static final Path COMMITTED = Path.of("bootstrap/setpoint-thermal.onnx");
  static final double[] CURRENT = {18, 22, 25};
  static final double[] CANDIDATES = {18, 19.5, 21, 22, 22.5, 24, 25, 25.5, 27};

  /** Rows over a range of conditions: steady rooms at several setpoints, candidates 18–27. */
  static float[] probe() {
    List<float[]> rows = new ArrayList<>();
    for (double outdoor : new double[] {-5, 15, 33}) {
      for (double current : CURRENT) {
        List<ClimateSample> window = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          window.add(
              new ClimateSample(
                  Instant.ofEpochSecond(60L * i), current + 2.6, 45, outdoor, 70, 3, current));
        }
        for (double candidate : CANDIDATES) {
          rows.add(FeatureLayout.row(window, candidate));
        }
      }
    }
    float[] flat = new float[rows.size() * FeatureLayout.FEATURES];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, flat, i * FeatureLayout.FEATURES, FeatureLayout.FEATURES);
    }
    return flat;
  }

  static float[] predict(byte[] onnx, float[] rows) throws Exception {
    try (OnnxInletPredictor p = new OnnxInletPredictor(onnx)) {
      return p.predict(rows, rows.length / FeatureLayout.FEATURES);
    }
  }

  static float[] predictAhead(byte[] onnx, float[] rows) throws Exception {
    try (OnnxInletPredictor p = new OnnxInletPredictor(onnx)) {
      return p.predictAhead(rows, rows.length / FeatureLayout.FEATURES);
    }
  }

  @Test
  void theCommittedModelLooksAheadHalfAnHourAndHeldSetpointsSettle() throws Exception {
    float[] rows = probe();
    float[] served = predict(Files.readAllBytes(COMMITTED), rows);
    float[] ahead = predictAhead(Files.readAllBytes(COMMITTED), rows);
    int perWindow = CANDIDATES.length;
    for (int r = 0; r < served.length; r++) {
      assertEquals(served[r], ahead[3 * r], 1e-6, "the first horizon is the served model");
      double current = CURRENT[(r / perWindow) % CURRENT.length];
      double candidate = CANDIDATES[r % perWindow];
      if (candidate == current) {
        for (int h = 1; h < 3; h++) {
          assertEquals(current + 2.6, ahead[3 * r + h], 0.8, "row " + r + " held, horizon " + h);
        }
      } else if (candidate >= current + 2) {
        // a raised setpoint: the room keeps warming after ten minutes
        assertTrue(ahead[3 * r + 2] > ahead[3 * r], "row " + r + ": 30 min warmer than 10");
      }
    }
  }

  @Test
  void theSameSeedTrainsTheSameModel(@TempDir Path dir) throws Exception {
    Trainer.Result a = Bootstrap.build(42, 30, dir.resolve("a.csv"), Instant.EPOCH, System.out);
    Trainer.Result b = Bootstrap.build(42, 30, dir.resolve("b.csv"), Instant.now(), System.out);
    assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("b.csv")));
    assertEquals(a.metadata().get("model_version"), b.metadata().get("model_version"));
    float[] rows = probe();
    float[] pa = predict(OnnxExport.toBytes(a), rows);
    float[] pb = predict(OnnxExport.toBytes(b), rows);
    assertEquals(rows.length / FeatureLayout.FEATURES, pa.length);
    assertEquals(pa.length, pb.length);
    for (int i = 0; i < pa.length; i++) {
      assertEquals(pa[i], pb[i], 1e-6, "row " + i);
    }
  }

  @Test
  void theCommittedModelLoadsAndAnswersSensibly() throws Exception {
    byte[] onnx = Files.readAllBytes(COMMITTED);
    try (OnnxInletPredictor p = new OnnxInletPredictor(onnx)) {
      Map<String, String> meta = p.metadata();
      assertEquals("simulator: default room, Gwangju, seed 42, 365 days", meta.get("data_source"));
      assertEquals("600", meta.get("horizon_s"));
      assertEquals("600,1200,1800", meta.get("lookahead_s"));
      assertEquals(
          List.of(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30)),
          p.horizons());
    }
    float[] rows = probe();
    float[] predicted = predict(onnx, rows);
    int perWindow = CANDIDATES.length;
    assertEquals(rows.length / FeatureLayout.FEATURES, predicted.length);
    for (int w = 0; w < predicted.length / perWindow; w++) {
      double current = CURRENT[w % CURRENT.length];
      for (int c = 0; c < perWindow; c++) {
        float p = predicted[w * perWindow + c];
        if (CANDIDATES[c] == current) {
          // held setpoint, steady room: the inlet stays about where it is
          assertEquals(current + 2.6, p, 0.8, "window " + w + " holding " + current);
        }
        if (c > 0) {
          assertTrue(p > predicted[w * perWindow + c - 1], "a warmer setpoint, a warmer inlet");
        }
      }
    }
  }

  @Test
  void rebuildingTheYearReproducesTheCommittedModel(@TempDir Path dir) throws Exception {
    Trainer.Result rebuilt =
        Bootstrap.build(
            Bootstrap.DEFAULT_SEED,
            Bootstrap.DEFAULT_DAYS,
            dir.resolve("year.csv"),
            Instant.now(),
            System.out);
    float[] rows = probe();
    float[] committed = predict(Files.readAllBytes(COMMITTED), rows);
    byte[] rebuiltOnnx = OnnxExport.toBytes(rebuilt);
    float[] again = predict(rebuiltOnnx, rows);
    for (int i = 0; i < rows.length / FeatureLayout.FEATURES; i++) {
      assertEquals(committed[i], again[i], 1e-4, "row " + i);
    }
    float[] committedAhead = predictAhead(Files.readAllBytes(COMMITTED), rows);
    float[] aheadAgain = predictAhead(rebuiltOnnx, rows);
    assertEquals(3 * rows.length / FeatureLayout.FEATURES, committedAhead.length);
    for (int i = 0; i < committedAhead.length; i++) {
      assertEquals(committedAhead[i], aheadAgain[i], 1e-4, "look-ahead value " + i);
    }
  }
}
