package dev.setpoint.model.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.InletPredictor;
import java.nio.FloatBuffer;
import java.util.Map;

/** The thermal model in ONNX Runtime: one session, every candidate in one call. */
public final class OnnxInletPredictor implements InletPredictor, AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;

  public OnnxInletPredictor(byte[] model) throws OrtException {
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      this.session = env.createSession(model, options);
    }
  }

  /** The model's metadata_props. */
  public Map<String, String> metadata() throws OrtException {
    return session.getMetadata().getCustomMetadata();
  }

  @Override
  public float[] predict(float[] features, int rows) throws OrtException {
    try (OnnxTensor input =
            OnnxTensor.createTensor(
                env, FloatBuffer.wrap(features), new long[] {rows, FeatureLayout.FEATURES});
        OrtSession.Result result = session.run(Map.of("features", input))) {
      float[][] out = (float[][]) result.get(0).getValue();
      float[] flat = new float[rows];
      for (int i = 0; i < rows; i++) {
        flat[i] = out[i][0];
      }
      return flat;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
