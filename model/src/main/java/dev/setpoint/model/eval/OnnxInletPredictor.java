package dev.setpoint.model.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.LookAhead;
import dev.setpoint.model.recommend.PowerHead;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The thermal model in ONNX Runtime: one session, every candidate in one call (and, for a
 * look-ahead model, every horizon in that same call).
 */
public final class OnnxInletPredictor implements InletPredictor, AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final Optional<LookAhead> lookAhead;
  private final Optional<PowerHead> power;

  public OnnxInletPredictor(byte[] model) throws OrtException {
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      this.session = env.createSession(model, options);
    }
    this.lookAhead = LookAhead.fromMetadata(metadata());
    this.power = PowerHead.fromMetadata(metadata());
  }

  /** The model's metadata_props. */
  public Map<String, String> metadata() throws OrtException {
    return session.getMetadata().getCustomMetadata();
  }

  @Override
  public float[] predict(float[] features, int rows) throws OrtException {
    return run(features, rows, "inlet_temperature", 1);
  }

  @Override
  public List<Duration> horizons() {
    return lookAhead.map(LookAhead::horizons).orElse(List.of(DEFAULT_HORIZON));
  }

  @Override
  public float[] predictAhead(float[] features, int rows) throws OrtException {
    if (lookAhead.isEmpty()) {
      return predict(features, rows);
    }
    return run(features, rows, lookAhead.get().output(), lookAhead.get().horizons().size());
  }

  @Override
  public Forecast forecast(float[] features, int rows) throws OrtException {
    if (power.isEmpty()) {
      return new Forecast(predictAhead(features, rows), null);
    }
    String inlet = lookAhead.map(LookAhead::output).orElse("inlet_temperature");
    int columns = horizons().size();
    try (OnnxTensor input = input(features, rows);
        OrtSession.Result result =
            session.run(Map.of("features", input), Set.of(inlet, power.get().output()))) {
      return new Forecast(
          values(result, inlet, rows, columns), values(result, power.get().output(), rows, 1));
    }
  }

  private float[] run(float[] features, int rows, String output, int columns) throws OrtException {
    try (OnnxTensor input = input(features, rows);
        OrtSession.Result result = session.run(Map.of("features", input), Set.of(output))) {
      return values(result, output, rows, columns);
    }
  }

  private OnnxTensor input(float[] features, int rows) throws OrtException {
    return OnnxTensor.createTensor(
        env, FloatBuffer.wrap(features), new long[] {rows, FeatureLayout.FEATURES});
  }

  private static float[] values(OrtSession.Result result, String output, int rows, int columns) {
    FloatBuffer out =
        ((OnnxTensor)
                result
                    .get(output)
                    .orElseThrow(() -> new IllegalStateException("no output " + output)))
            .getFloatBuffer();
    if (out.remaining() != rows * columns) {
      throw new IllegalStateException(
          output + " answered " + out.remaining() + " values for " + rows + " rows");
    }
    float[] flat = new float[rows * columns];
    out.get(flat);
    return flat;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
