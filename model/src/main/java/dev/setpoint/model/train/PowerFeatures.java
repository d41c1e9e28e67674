package dev.setpoint.model.train;

import dev.setpoint.model.features.FeatureLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The power head's inputs: the 37 features and {@value #EXTRA} more made from them, so that a
 * linear model can bend where the plant's power bends. The ONNX graph computes the same from its
 * input ({@link OnnxExport}); this class is the Java side, for training and for checking the graph.
 *
 * <p>With {@code c} the candidate, {@code u = c + (t.indoor − t.setpoint)} the inlet expected under
 * it (the room's present offset from its setpoint carried over) and {@code o} the newest outdoor
 * temperature:
 *
 * <ul>
 *   <li>{@code max(0, u − k)} for k in {@link #FAN_KNEES_C}: server fans speed up above a knee and
 *       draw with the cube of their speed (a convex rise, a few hinges);
 *   <li>{@code max(0, u − o − k)} for k in {@link #ECONOMISER_OFFSETS_K}: how much an economiser
 *       can take grows with the return air's margin over the outdoor air, and saturates;
 *   <li>{@code c × o}: a compressor's lift, and so its power per kW removed, depends on both.
 * </ul>
 */
public final class PowerFeatures {
  /** Inlet temperatures at which the fan hinges start, °C. */
  static final float[] FAN_KNEES_C = {24f, 25f, 26f, 27f};

  /** Margins of the expected inlet over the outdoor air at which the economiser hinges start, K. */
  static final float[] ECONOMISER_OFFSETS_K = {0f, 4f, 8f, 12f};

  /** How many features are added. */
  public static final int EXTRA = FAN_KNEES_C.length + ECONOMISER_OFFSETS_K.length + 1;

  /** The power head's input width. */
  public static final int WIDTH = FeatureLayout.FEATURES + EXTRA;

  static final int CANDIDATE = FeatureLayout.CANDIDATE_INDEX;
  static final int INDOOR =
      FeatureLayout.index(FeatureLayout.WINDOW - 1, FeatureLayout.INDOOR_TEMPERATURE_OFFSET);
  static final int SETPOINT =
      FeatureLayout.index(FeatureLayout.WINDOW - 1, FeatureLayout.SETPOINT_OFFSET);
  static final int OUTDOOR =
      FeatureLayout.index(FeatureLayout.WINDOW - 1, FeatureLayout.OUTDOOR_TEMPERATURE_OFFSET);

  /** The added features' names, in order. */
  public static final List<String> NAMES = names();

  private PowerFeatures() {}

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (float k : FAN_KNEES_C) {
      names.add("expected_inlet_over_" + (int) k);
    }
    for (float k : ECONOMISER_OFFSETS_K) {
      names.add("expected_inlet_over_outdoor_by_" + (int) k);
    }
    names.add("candidate_x_outdoor");
    return List.copyOf(names);
  }

  /** {@code rows × 37} features, row-major, widened to {@code rows × }{@link #WIDTH}. */
  public static float[] expand(float[] features, int rows) {
    int f = FeatureLayout.FEATURES;
    float[] out = new float[rows * WIDTH];
    for (int r = 0; r < rows; r++) {
      int in = r * f;
      int at = r * WIDTH;
      System.arraycopy(features, in, out, at, f);
      float c = features[in + CANDIDATE];
      float u = c + (features[in + INDOOR] - features[in + SETPOINT]);
      float o = features[in + OUTDOOR];
      int k = at + f;
      for (float knee : FAN_KNEES_C) {
        out[k++] = Math.max(0f, u - knee);
      }
      float margin = u - o;
      for (float offset : ECONOMISER_OFFSETS_K) {
        out[k++] = Math.max(0f, margin - offset);
      }
      out[k] = c * o;
    }
    return out;
  }
}
