package dev.setpoint.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.setpoint.model.data.ClimateRow;
import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.eval.OnnxInletPredictor;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.SiteClimate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Train on a short simulated dataset, export ONNX, and check ONNX Runtime agrees with Java. */
class OnnxRoundTripTest {
  static final Duration INTERVAL = Duration.ofSeconds(60);
  static List<ClimateRow> rows;
  static Trainer.Result result;
  static byte[] onnx;

  @BeforeAll
  static void train() {
    rows = new ArrayList<>();
    new SimulatedDataset(RoomParameters.defaults(), SiteClimate.GWANGJU, INTERVAL)
        .generate(42, 7, "sim", rows::add, day -> {});
    result =
        new Trainer(INTERVAL, Duration.ofMinutes(10), Trainer.DEFAULT_LAMBDA)
            .train(rows, "test", Instant.parse("2025-01-01T00:00:00Z"));
    onnx = OnnxExport.toBytes(result);
  }

  @Test
  void beatsPersistenceOnHeldOutWeeks() {
    assertTrue(result.holdout().count() > 1000, "held out " + result.holdout().count());
    assertTrue(result.holdout().mae() < 0.3, "MAE " + result.holdout().mae());
    assertTrue(result.holdout().rmse() < result.persistence().rmse());
  }

  @Test
  void onnxRuntimeAgreesWithTheJavaModel() throws Exception {
    Examples examples = Examples.of(rows, INTERVAL, Duration.ofMinutes(10), 97);
    int n = examples.size();
    assertTrue(n > 100, "examples " + n);
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(onnx)) {
      float[] predicted = predictor.predict(examples.features(), n);
      assertEquals(n, predicted.length);
      for (int i = 0; i < n; i++) {
        assertEquals(
            result.model().predict(examples.features(), i), predicted[i], 2e-3, "row " + i);
      }
    }
  }

  @Test
  void lookAheadHeadsShareOneCallAndEachBeatsPersistence() throws Exception {
    Trainer.Result ahead =
        new Trainer(INTERVAL, Bootstrap.LOOKAHEAD, Trainer.DEFAULT_LAMBDA)
            .train(rows, "test", Instant.parse("2025-01-01T00:00:00Z"));
    assertEquals(Bootstrap.LOOKAHEAD, ahead.horizons());
    for (Trainer.Head head : ahead.heads()) {
      assertTrue(
          head.holdout().mae() < head.persistence().mae(),
          head.horizon() + ": " + head.holdout() + " vs " + head.persistence());
    }
    assertEquals("600,1200,1800", ahead.metadata().get("lookahead_s"));
    assertEquals("inlet_lookahead", ahead.metadata().get("lookahead_output"));
    Examples examples = Examples.of(rows, INTERVAL, Duration.ofMinutes(10), 97);
    int n = examples.size();
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(OnnxExport.toBytes(ahead))) {
      assertEquals(Bootstrap.LOOKAHEAD, predictor.horizons());
      float[] served = predictor.predict(examples.features(), n);
      float[] all = predictor.predictAhead(examples.features(), n);
      assertEquals(3 * n, all.length);
      for (int i = 0; i < n; i++) {
        assertEquals(served[i], all[3 * i], 1e-6, "row " + i + ": the served head first");
        for (int h = 0; h < 3; h++) {
          assertEquals(
              ahead.heads().get(h).model().predict(examples.features(), i),
              all[3 * i + h],
              2e-3,
              "row " + i + ", head " + h);
        }
      }
    }
  }

  @Test
  void aSingleHorizonModelHasNoLookAheadOutput() throws Exception {
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(onnx)) {
      assertEquals(List.of(Duration.ofMinutes(10)), predictor.horizons());
      assertNull(predictor.metadata().get("lookahead_s"));
    }
  }

  @Test
  void namedInputAndOutputWithTheirShapesAndMetadata() throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      assertEquals(List.of("features"), List.copyOf(inputs.keySet()));
      assertEquals(
          List.of("inlet_temperature", "controllable_power"), List.copyOf(outputs.keySet()));
      assertEquals(
          "[-1, 1]",
          Arrays.toString(((TensorInfo) outputs.get("controllable_power").getInfo()).getShape()));
      TensorInfo in = (TensorInfo) inputs.get("features").getInfo();
      TensorInfo out = (TensorInfo) outputs.get("inlet_temperature").getInfo();
      assertEquals("[-1, 37]", Arrays.toString(in.getShape()));
      assertEquals("[-1, 1]", Arrays.toString(out.getShape()));
      assertEquals(ai.onnxruntime.OnnxJavaType.FLOAT, in.type);
      Map<String, String> meta = session.getMetadata().getCustomMetadata();
      assertEquals(String.join(",", FeatureLayout.NAMES), meta.get("feature_names"));
      assertEquals("600", meta.get("horizon_s"));
      assertEquals("60", meta.get("sample_interval_s"));
      assertEquals("37", meta.get("feature_count"));
      assertEquals("2025-01-01T00:00:00Z", meta.get("trained_at"));
      assertTrue(meta.get("model_version").startsWith("thermal-ridge-"));
      assertTrue(meta.containsKey("data_from") && meta.containsKey("data_to"));
      assertEquals("controllable_power", meta.get("power_output"));
      assertEquals("600", meta.get("power_horizon_s"));
      assertEquals(String.join(",", PowerFeatures.NAMES), meta.get("power_features"));
    }
  }

  @Test
  void thePowerHeadAnswersInTheLookAheadsCallAsTheJavaModelDoes() throws Exception {
    Trainer.Result ahead =
        new Trainer(INTERVAL, Bootstrap.LOOKAHEAD, Trainer.DEFAULT_LAMBDA)
            .train(rows, "test", Instant.parse("2025-01-01T00:00:00Z"));
    Trainer.Head power = ahead.power();
    assertEquals(Duration.ofMinutes(30), power.horizon(), "the longest look-ahead");
    assertTrue(power.holdout().count() > 1000, "held out " + power.holdout().count());
    assertTrue(Double.isFinite(power.holdout().mae()), power.holdout().toString());
    assertEquals("1800", ahead.metadata().get("power_horizon_s"));
    Examples examples = Examples.power(rows, INTERVAL, Duration.ofMinutes(30), 97);
    int n = examples.size();
    assertTrue(n > 100, "examples " + n);
    float[] wide = PowerFeatures.expand(examples.features(), n);
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(OnnxExport.toBytes(ahead))) {
      var forecast = predictor.forecast(examples.features(), n);
      float[] inlet = predictor.predictAhead(examples.features(), n);
      assertEquals(3 * n, forecast.inlet().length);
      assertEquals(n, forecast.powerKw().length);
      for (int i = 0; i < n; i++) {
        assertEquals(inlet[3 * i + 2], forecast.inlet()[3 * i + 2], 1e-6, "row " + i);
        double java = power.model().predict(wide, i);
        assertEquals(java, forecast.powerKw()[i], 1e-3 * Math.max(1, Math.abs(java)), "row " + i);
      }
    }
  }

  @Test
  void rowsWithoutPowerTrainNoPowerHead() throws Exception {
    List<ClimateRow> unmetered =
        rows.stream().map(r -> new ClimateRow(r.device(), r.site(), r.sample())).toList();
    Trainer.Result plain =
        new Trainer(INTERVAL, Duration.ofMinutes(10), Trainer.DEFAULT_LAMBDA)
            .train(unmetered, "test", Instant.parse("2025-01-01T00:00:00Z"));
    assertNull(plain.power());
    assertNull(plain.metadata().get("power_output"));
    try (OnnxInletPredictor predictor = new OnnxInletPredictor(OnnxExport.toBytes(plain))) {
      Examples examples = Examples.of(rows, INTERVAL, Duration.ofMinutes(10), 97);
      assertNull(predictor.forecast(examples.features(), examples.size()).powerKw());
    }
    assertEquals(
        plain.metadata().get("model_version"),
        Trainer.version(plain.heads(), null),
        "without power the version names the inlet heads alone");
    assertTrue(
        !result.metadata().get("model_version").equals(plain.metadata().get("model_version")),
        "the power head's weights are part of the version");
  }

  @Test
  void metadataThatDeclaresAPowerHeadNeedsOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OnnxExport.toBytes(result.model(), result.metadata()));
    assertTrue(e.getMessage().contains("power_output"), e.getMessage());
  }
}
