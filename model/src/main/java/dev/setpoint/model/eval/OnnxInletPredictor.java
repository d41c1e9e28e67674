package dev.setpoint.model.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.InletPredictor;
import dev.setpoint.model.recommend.LookAhead;
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

  public OnnxInletPredictor(byte[] model) throws OrtException {
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      this.session = env.createSession(model, options);
    }
    this.lookAhead = LookAhead.fromMetadata(metadata());
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

  private float[] run(float[] features, int rows, String output, int columns) throws OrtException {
    try (OnnxTensor input =
            OnnxTensor.createTensor(
                env, FloatBuffer.wrap(features), new long[] {rows, FeatureLayout.FEATURES});
        OrtSession.Result result = session.run(Map.of("features", input), Set.of(output))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      if (out.remaining() != rows * columns) {
        throw new IllegalStateException(
            output + " answered " + out.remaining() + " values for " + rows + " rows");
      }
      float[] flat = new float[rows * columns];
      out.get(flat);
      return flat;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
