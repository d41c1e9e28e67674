package dev.setpoint.analytics.infrastructure.inference;

import static dev.setpoint.analytics.infrastructure.inference.TestModels.bootstrap;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.InvalidModelException;
import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.analytics.domain.ModelUnavailableException;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.PowerHead;
import dev.setpoint.model.train.OnnxExport;
import dev.setpoint.model.train.ThermalModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSetpointModelTest {
  @TempDir Path dir;

  /** The bootstrap model with one tensor name changed to another of the same length. */
  static byte[] renamed(String from, String to) throws IOException {
    byte[] bytes = bootstrap();
    byte[] a = from.getBytes(StandardCharsets.US_ASCII);
    byte[] b = to.getBytes(StandardCharsets.US_ASCII);
    int replaced = 0;
    for (int i = 0; i + a.length <= bytes.length; i++) {
      boolean match = true;
      for (int j = 0; j < a.length && match; j++) {
        match = bytes[i + j] == a[j];
      }
      if (match) {
        System.arraycopy(b, 0, bytes, i, b.length);
        replaced++;
      }
    }
    assertTrue(replaced >= 2, "expected the name in the graph's input/output and a node");
    return bytes;
  }

  private static float[] rows(int n, float inletC, float candidateStart) {
    float[] rows = new float[n * FeatureLayout.FEATURES];
    for (int r = 0; r < n; r++) {
      for (int s = 0; s < FeatureLayout.WINDOW; s++) {
        int base = r * FeatureLayout.FEATURES + s * FeatureLayout.PER_SAMPLE;
        rows[base] = inletC;
        rows[base + 1] = 45;
        rows[base + 2] = 25;
        rows[base + 3] = 70;
        rows[base + 4] = 1;
        rows[base + 5] = 22;
      }
      rows[r * FeatureLayout.FEATURES + FeatureLayout.CANDIDATE_INDEX] = candidateStart + r * 0.5f;
    }
    return rows;
  }

  @Test
  void theBootstrapModelLoadsWithItsVersionAndPredictsEveryRowInOneCall() {
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.empty(), Clock.systemUTC())) {
      ModelInfo info = model.info().orElseThrow();
      assertTrue(info.version().startsWith("thermal-ridge-"), info.version());
      assertEquals("600", info.metadata().get("horizon_s"));
      assertEquals("classpath:" + OnnxSetpointModel.BOOTSTRAP_RESOURCE, info.source());
      List<Long> latencies = new ArrayList<>();
      model.onLatency(latencies::add);

      float[] predictions = model.predict(rows(19, 24f, 18f), 19);

      assertEquals(19, predictions.length);
      assertEquals(1, latencies.size());
      for (int i = 1; i < predictions.length; i++) {
        // A higher candidate setpoint never predicts a cooler inlet.
        assertTrue(predictions[i] > predictions[i - 1], "row " + i);
      }
      // Holding 22 °C with the inlet at 24 °C keeps it near 24 °C (the room is settled).
      assertEquals(24.0, predictions[8], 1.0);
    }
  }

  @Test
  void theBootstrapModelLooksAheadHalfAnHourInTheSameCall() {
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.empty(), Clock.systemUTC())) {
      assertEquals(
          List.of(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30)),
          model.horizons());
      float[] served = model.predict(rows(19, 24f, 18f), 19);
      float[] ahead = model.predictAhead(rows(19, 24f, 18f), 19);
      assertEquals(57, ahead.length);
      for (int r = 0; r < 19; r++) {
        assertEquals(served[r], ahead[3 * r], 1e-6, "row " + r + ": the served horizon first");
      }
      // candidate 27 °C in a room at 24 °C: still warming after ten minutes
      assertTrue(ahead[3 * 18 + 2] > ahead[3 * 18], "30 min warmer than 10 for a big rise");
    }
  }

  /**
   * A one-horizon model (inlet = candidate + 2 °C) with {@code metadata}; {@code power_…} keys are
   * added after the export, which refuses to declare a power head the model lacks.
   */
  static byte[] oneHorizon(Map<String, String> metadata) throws IOException {
    double[] mean = new double[FeatureLayout.FEATURES];
    double[] scale = new double[FeatureLayout.FEATURES];
    double[] weights = new double[FeatureLayout.FEATURES];
    Arrays.fill(scale, 1);
    weights[FeatureLayout.CANDIDATE_INDEX] = 1;
    Map<String, String> exported = new java.util.HashMap<>(metadata);
    exported.keySet().removeIf(k -> k.startsWith("power_"));
    byte[] model = OnnxExport.toBytes(new ThermalModel(mean, scale, weights, 2), exported);
    return TestModels.withMetadata(model, metadata);
  }

  @Test
  void aOneHorizonModelIsServedAndJudgedOnItsOneHorizon() throws IOException {
    Path file = dir.resolve("one.onnx");
    Files.write(file, oneHorizon(Map.of("model_version", "one")));
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      assertEquals("one", model.info().orElseThrow().version());
      assertEquals(List.of(Duration.ofMinutes(10)), model.horizons());
      assertArrayEquals(
          model.predict(rows(3, 24f, 20f), 3), model.predictAhead(rows(3, 24f, 20f), 3));
      assertEquals(22f, model.predictAhead(rows(3, 24f, 20f), 3)[0], 1e-5);
    }
  }

  @Test
  void aModelWhoseMetadataDeclaresALookAheadItLacksIsRefusedNamingIt() throws IOException {
    Path file = dir.resolve("declared.onnx");
    Files.write(
        file, oneHorizon(Map.of("lookahead_output", "inlet_lookahead", "lookahead_s", "600,1800")));
    Path unreadable = dir.resolve("unreadable.onnx");
    Files.write(
        unreadable,
        oneHorizon(Map.of("lookahead_output", "inlet_lookahead", "lookahead_s", "1800,600")));
    try (OnnxSetpointModel a = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC());
        OnnxSetpointModel b = new OnnxSetpointModel(Optional.of(unreadable), Clock.systemUTC())) {
      assertTrue(a.info().isEmpty());
      assertTrue(
          a.lastError().orElseThrow().contains("look-ahead output 'inlet_lookahead'"),
          a.lastError().get());
      assertTrue(b.info().isEmpty());
      assertTrue(b.lastError().orElseThrow().contains("ascending"), b.lastError().get());
    }
  }

  @Test
  void aModelWithAPowerHeadForecastsEveryHorizonAndThePowerInOneCall() throws IOException {
    Path file = dir.resolve("power.onnx");
    Files.write(file, TestModels.withPower(TestModels.lookAheadWithoutPower(), 40f, -1f));
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      ModelInfo info = model.info().orElseThrow();
      assertEquals(
          Optional.of(new PowerHead(TestModels.OUTPUT, Duration.ofMinutes(30))), info.powerHead());
      assertEquals(3, info.lookAhead().orElseThrow().horizons().size());
      float[] ahead = model.predictAhead(rows(19, 24f, 18f), 19);
      List<Long> latencies = new ArrayList<>();
      model.onLatency(latencies::add);

      InletPredictor.Forecast forecast = model.forecast(rows(19, 24f, 18f), 19);

      assertEquals(1, latencies.size(), "one call for the inlet and the power");
      assertArrayEquals(ahead, forecast.inlet());
      assertEquals(19, forecast.powerKw().length);
      for (int r = 0; r < 19; r++) {
        // candidate 18 + r/2 °C: 40 − candidate kW
        assertEquals(22f - 0.5f * r, forecast.powerKw()[r], 1e-4, "row " + r);
      }
      // The served output and the look-ahead alone still answer without the power.
      assertEquals(19, model.predict(rows(19, 24f, 18f), 19).length);
    }
  }

  @Test
  void aOneHorizonModelWithAPowerHeadForecastsItsOneHorizonAndThePower() throws IOException {
    Path file = dir.resolve("one-power.onnx");
    Files.write(file, TestModels.withPower(oneHorizon(Map.of("model_version", "one")), 30f, -0.5f));
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      assertTrue(model.info().orElseThrow().lookAhead().isEmpty());
      InletPredictor.Forecast forecast = model.forecast(rows(3, 24f, 20f), 3);
      assertArrayEquals(new float[] {22f, 22.5f, 23f}, forecast.inlet(), 1e-5f);
      assertArrayEquals(new float[] {20f, 19.75f, 19.5f}, forecast.powerKw(), 1e-5f);
    }
  }

  @Test
  void withoutAPowerHeadTheForecastHasNoPower() throws IOException {
    Path file = dir.resolve("no-power.onnx");
    Files.write(file, TestModels.lookAheadWithoutPower());
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      assertTrue(model.info().orElseThrow().powerHead().isEmpty());
      InletPredictor.Forecast forecast = model.forecast(rows(19, 24f, 18f), 19);
      assertArrayEquals(model.predictAhead(rows(19, 24f, 18f), 19), forecast.inlet());
      assertNull(forecast.powerKw());
    }
  }

  @Test
  void thePackagedModelServesItsTrainedPowerHead() {
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.empty(), Clock.systemUTC())) {
      assertEquals(
          Optional.of(new PowerHead("controllable_power", Duration.ofMinutes(30))),
          model.info().orElseThrow().powerHead());
      InletPredictor.Forecast forecast = model.forecast(rows(19, 24f, 18f), 19);
      assertEquals(19, forecast.powerKw().length);
      for (int r = 1; r < 19; r++) {
        assertTrue(Float.isFinite(forecast.powerKw()[r]), "row " + r);
        // In the simulated plant the power a setpoint can change falls as the setpoint rises.
        assertTrue(forecast.powerKw()[r] < forecast.powerKw()[r - 1], "row " + r);
      }
    }
  }

  @Test
  void aModelWhoseMetadataDeclaresAPowerHeadItLacksIsRefusedNamingIt() throws IOException {
    Map<String, String> declared =
        Map.of("power_output", TestModels.OUTPUT, "power_horizon_s", "1800");
    assertRefused(
        oneHorizon(declared), "the model must have the power output 'controllable_power'");
    assertRefused(
        oneHorizon(Map.of("power_output", TestModels.OUTPUT)),
        "both power_output and power_horizon_s");
    assertRefused(
        oneHorizon(Map.of("power_output", TestModels.OUTPUT, "power_horizon_s", "half")),
        "power_horizon_s is not a number of seconds");
  }

  @Test
  void aPowerOutputOfAnotherShapeOrWithoutAFiniteAnswerIsRefused() throws IOException {
    Map<String, String> declared =
        Map.of("power_output", TestModels.OUTPUT, "power_horizon_s", "1800");
    assertRefused(
        TestModels.withPower(
            TestModels.lookAheadWithoutPower(), TestModels.OUTPUT, 2, 40f, -1f, declared),
        "power output 'controllable_power' must have shape [N, 1]");
    assertRefused(
        TestModels.withPower(TestModels.lookAheadWithoutPower(), Float.NaN, 0f),
        "predicts a power of NaN kW");
    // The look-ahead output named as the power: the model has no power head of its own.
    assertRefused(
        TestModels.withPower(
            TestModels.lookAheadWithoutPower(),
            TestModels.OUTPUT,
            1,
            40f,
            -1f,
            Map.of("power_output", "inlet_lookahead", "power_horizon_s", "1800")),
        "power output 'inlet_lookahead' must be an output of its own");
    // A power output the metadata does not declare is an output nobody knows.
    assertRefused(
        TestModels.withPower(
            TestModels.lookAheadWithoutPower(), TestModels.OUTPUT, 1, 40f, -1f, Map.of()),
        "outputs 'inlet_temperature', 'inlet_lookahead' only");
  }

  private void assertRefused(byte[] bytes, String because) throws IOException {
    Path file = Files.createTempFile(dir, "refused", ".onnx");
    Files.write(file, bytes);
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      assertTrue(model.info().isEmpty(), because);
      assertTrue(model.lastError().orElseThrow().contains(because), model.lastError().get());
      assertThrows(InvalidModelException.class, model::reload);
    }
  }

  @Test
  void aCallWithTheWrongNumberOfValuesIsRefused() {
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.empty(), Clock.systemUTC())) {
      assertThrows(IllegalArgumentException.class, () -> model.predict(new float[36], 1));
    }
  }

  @Test
  void aFileThatIsNotOnnxIsNotServedAndSaysWhy() throws IOException {
    Path file = dir.resolve("broken.onnx");
    Files.writeString(file, "not a model");
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      assertTrue(model.info().isEmpty());
      assertTrue(model.lastError().orElseThrow().contains("not a model ONNX Runtime can load"));
      assertThrows(ModelUnavailableException.class, () -> model.predict(rows(1, 24, 22), 1));
    }
  }

  @Test
  void aModelWithAnotherInputOrOutputNameIsRefusedNamingIt() throws IOException {
    Path input = dir.resolve("input.onnx");
    Files.write(input, renamed("features", "featurez"));
    Path output = dir.resolve("output.onnx");
    Files.write(output, renamed("inlet_temperature", "inlet_temperaturz"));
    try (OnnxSetpointModel a = new OnnxSetpointModel(Optional.of(input), Clock.systemUTC());
        OnnxSetpointModel b = new OnnxSetpointModel(Optional.of(output), Clock.systemUTC())) {
      assertTrue(a.info().isEmpty());
      assertTrue(a.lastError().orElseThrow().contains("input 'features'"), a.lastError().get());
      assertTrue(b.info().isEmpty());
      assertTrue(
          b.lastError().orElseThrow().contains("output 'inlet_temperature'"), b.lastError().get());
    }
  }

  @Test
  void aChangedFileIsReloadedAndABrokenOneLeavesTheServedModel() throws Exception {
    Path file = dir.resolve("model.onnx");
    Files.write(file, bootstrap());
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      List<ModelInfo> loaded = new ArrayList<>();
      model.onLoaded(loaded::add);
      float[] before = model.predict(rows(2, 24, 20), 2);
      assertFalse(model.reloadIfChanged(), "unchanged file");

      Files.write(file, renamed("features", "featurez"));
      Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));
      assertFalse(model.reloadIfChanged());
      assertTrue(model.info().isPresent(), "the previous model stays served");
      assertTrue(model.lastError().isPresent());
      assertThrows(InvalidModelException.class, model::reload);
      assertArrayEquals(before, model.predict(rows(2, 24, 20), 2));

      Files.write(file, bootstrap());
      Files.setLastModifiedTime(file, FileTime.fromMillis(3_000_000));
      assertTrue(model.reloadIfChanged());
      assertEquals(1, loaded.size());
      assertTrue(model.lastError().isEmpty());
      assertArrayEquals(before, model.predict(rows(2, 24, 20), 2));
    }
  }

  @Test
  void concurrentPredictionsAcrossReloadsAllSucceed() throws Exception {
    Path file = dir.resolve("model.onnx");
    Files.write(file, bootstrap());
    try (OnnxSetpointModel model = new OnnxSetpointModel(Optional.of(file), Clock.systemUTC())) {
      float[] expected = model.predict(rows(19, 25, 18), 19);
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      int[] calls = new int[4];
      for (int t = 0; t < 4; t++) {
        int id = t;
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        for (int i = 0; i < 300; i++) {
                          assertArrayEquals(expected, model.predict(rows(19, 25, 18), 19));
                          calls[id]++;
                        }
                      } catch (Throwable e) {
                        failures.add(e);
                      }
                    }));
      }
      for (int i = 0; i < 5; i++) {
        model.reload();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertEquals(List.of(), failures);
      assertEquals(1200, calls[0] + calls[1] + calls[2] + calls[3]);
    }
  }
}
