package dev.setpoint.model.train;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.recommend.PowerHead;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ThermalModel} as an ONNX graph (opset 13): input {@value #INPUT} float32 {@code
 * [N, 37]} → Sub(mean) → Div(scale) → MatMul(weights) → Add(bias) → output {@value #OUTPUT} float32
 * {@code [N, 1]}, with the given metadata as the model's {@code metadata_props}.
 *
 * <p>A look-ahead model (several {@link Trainer.Head}s) has that chain once per horizon; the first
 * head's result is {@value #OUTPUT} (the served model, what the predict APIs answer), and all
 * heads' results side by side are a second output {@value #LOOKAHEAD_OUTPUT} float32 {@code [N,
 * H]}, so one call gives every candidate's inlet at every horizon.
 *
 * <p>A power head adds a third output {@value #POWER_OUTPUT} float32 {@code [N, 1]}: the input
 * widened by {@link PowerFeatures} inside the graph (Gather the candidate, the newest indoor,
 * setpoint and outdoor columns; Sub/Add/Relu/Mul; Concat with the input), then the same
 * standardise-and-linear chain on the wider row.
 */
public final class OnnxExport {
  public static final String INPUT = "features";
  public static final String OUTPUT = "inlet_temperature";
  public static final String LOOKAHEAD_OUTPUT = "inlet_lookahead";
  public static final String POWER_OUTPUT = "controllable_power";
  static final long IR_VERSION = 8;
  static final long OPSET = 13;

  private OnnxExport() {}

  public static byte[] toBytes(ThermalModel model, Map<String, String> metadata) {
    return toProto(List.of(model), null, metadata).toByteArray();
  }

  /** The training's result: every head and the power head, with the result's metadata. */
  public static byte[] toBytes(Trainer.Result result) {
    return toProto(
            result.heads().stream().map(Trainer.Head::model).toList(),
            result.power() == null ? null : result.power().model(),
            result.metadata())
        .toByteArray();
  }

  static ModelProto toProto(ThermalModel model, Map<String, String> metadata) {
    return toProto(List.of(model), null, metadata);
  }

  /**
   * @param power the power head, on {@link PowerFeatures#WIDTH} features, or null
   */
  static ModelProto toProto(
      List<ThermalModel> heads, ThermalModel power, Map<String, String> metadata) {
    if (power == null && metadata.containsKey(PowerHead.OUTPUT_KEY)) {
      throw new IllegalArgumentException(
          "the metadata declares "
              + PowerHead.OUTPUT_KEY
              + " but no power head was given: export the training's result whole");
    }
    int f = FeatureLayout.FEATURES;
    GraphProto.Builder graph =
        GraphProto.newBuilder()
            .setName("setpoint_thermal")
            .setDocString(
                "Rack inlet temperature at the horizon from a window of 6 samples and a candidate"
                    + " setpoint; features in raw units, order in metadata feature_names."
                    + (heads.size() > 1
                        ? " "
                            + LOOKAHEAD_OUTPUT
                            + ": the same at each horizon of metadata lookahead_s."
                        : ""))
            .addInput(tensorInfo(INPUT, f))
            .addOutput(tensorInfo(OUTPUT, 1));
    NodeProto.Builder concat =
        NodeProto.newBuilder().setName("lookahead").setOpType("Concat").addOutput(LOOKAHEAD_OUTPUT);
    for (int h = 0; h < heads.size(); h++) {
      ThermalModel model = heads.get(h);
      String p = h == 0 ? "" : "h" + h + "_";
      String out = h == 0 ? OUTPUT : p + "inlet";
      float[] weights = new float[f];
      for (int i = 0; i < f; i++) {
        weights[i] = (float) model.weights()[i];
      }
      graph
          .addInitializer(floats(p + "feature_mean", new long[] {f}, model.mean()))
          .addInitializer(floats(p + "feature_scale", new long[] {f}, model.scale()))
          .addInitializer(floats(p + "weights", new long[] {f, 1}, toDoubles(weights)))
          .addInitializer(floats(p + "bias", new long[] {1}, new double[] {model.bias()}))
          .addNode(node(p + "center", "Sub", INPUT, p + "feature_mean", p + "centered"))
          .addNode(
              node(
                  p + "standardise",
                  "Div",
                  p + "centered",
                  p + "feature_scale",
                  p + "standardised"))
          .addNode(node(p + "linear", "MatMul", p + "standardised", p + "weights", p + "linear"))
          .addNode(node(p + "offset", "Add", p + "linear", p + "bias", out));
      concat.addInput(out);
    }
    if (heads.size() > 1) {
      concat.addAttribute(axis(1));
      graph.addNode(concat).addOutput(tensorInfo(LOOKAHEAD_OUTPUT, heads.size()));
    }
    if (power != null) {
      addPower(graph, power);
    }
    ModelProto.Builder proto =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setProducerName("setpoint-model")
            .setProducerVersion(metadata.getOrDefault("model_version", ""))
            .setDomain("dev.setpoint")
            .setModelVersion(1)
            .setDocString("Setpoint thermal model")
            .setGraph(graph);
    metadata.forEach(
        (k, v) ->
            proto.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return proto.build();
  }

  /**
   * The power head: the input widened as {@link PowerFeatures#expand} does, then the linear chain.
   */
  private static void addPower(GraphProto.Builder graph, ThermalModel power) {
    if (power.width() != PowerFeatures.WIDTH) {
      throw new IllegalArgumentException(
          "the power head reads " + PowerFeatures.WIDTH + " features, not " + power.width());
    }
    String p = "power_";
    gather(graph, p + "candidate", PowerFeatures.CANDIDATE);
    gather(graph, p + "indoor", PowerFeatures.INDOOR);
    gather(graph, p + "setpoint", PowerFeatures.SETPOINT);
    gather(graph, p + "outdoor", PowerFeatures.OUTDOOR);
    double[] knees = toDoubles(PowerFeatures.FAN_KNEES_C);
    double[] offsets = toDoubles(PowerFeatures.ECONOMISER_OFFSETS_K);
    graph
        .addInitializer(floats(p + "fan_knees", new long[] {knees.length}, knees))
        .addInitializer(floats(p + "economiser_offsets", new long[] {offsets.length}, offsets))
        .addNode(node(p + "offset_now", "Sub", p + "indoor", p + "setpoint", p + "offset"))
        .addNode(node(p + "expect", "Add", p + "candidate", p + "offset", p + "expected"))
        .addNode(node(p + "fan_d", "Sub", p + "expected", p + "fan_knees", p + "fan_d"))
        .addNode(unary(p + "fan", "Relu", p + "fan_d", p + "fan"))
        .addNode(node(p + "margin", "Sub", p + "expected", p + "outdoor", p + "margin"))
        .addNode(node(p + "eco_d", "Sub", p + "margin", p + "economiser_offsets", p + "eco_d"))
        .addNode(unary(p + "eco", "Relu", p + "eco_d", p + "eco"))
        .addNode(node(p + "lift", "Mul", p + "candidate", p + "outdoor", p + "lift"))
        .addNode(
            NodeProto.newBuilder()
                .setName(p + "widen")
                .setOpType("Concat")
                .addInput(INPUT)
                .addInput(p + "fan")
                .addInput(p + "eco")
                .addInput(p + "lift")
                .addOutput(p + "features")
                .addAttribute(axis(1)));
    int w = PowerFeatures.WIDTH;
    graph
        .addInitializer(floats(p + "feature_mean", new long[] {w}, power.mean()))
        .addInitializer(floats(p + "feature_scale", new long[] {w}, power.scale()))
        .addInitializer(floats(p + "weights", new long[] {w, 1}, power.weights()))
        .addInitializer(floats(p + "bias", new long[] {1}, new double[] {power.bias()}))
        .addNode(node(p + "center", "Sub", p + "features", p + "feature_mean", p + "centered"))
        .addNode(
            node(p + "standardise", "Div", p + "centered", p + "feature_scale", p + "standard"))
        .addNode(node(p + "linear", "MatMul", p + "standard", p + "weights", p + "linear"))
        .addNode(node(p + "offset_bias", "Add", p + "linear", p + "bias", POWER_OUTPUT))
        .addOutput(tensorInfo(POWER_OUTPUT, 1));
  }

  /** {@code name} = column {@code column} of the input, {@code [N, 1]}. */
  private static void gather(GraphProto.Builder graph, String name, int column) {
    graph
        .addInitializer(
            TensorProto.newBuilder()
                .setName(name + "_index")
                .setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(1)
                .addInt64Data(column))
        .addNode(
            NodeProto.newBuilder()
                .setName(name + "_gather")
                .setOpType("Gather")
                .addInput(INPUT)
                .addInput(name + "_index")
                .addOutput(name)
                .addAttribute(axis(1)));
  }

  private static AttributeProto axis(long axis) {
    return AttributeProto.newBuilder()
        .setName("axis")
        .setType(AttributeProto.AttributeType.INT)
        .setI(axis)
        .build();
  }

  private static NodeProto unary(String name, String op, String in, String out) {
    return NodeProto.newBuilder().setName(name).setOpType(op).addInput(in).addOutput(out).build();
  }

  private static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  /** A float tensor {@code [N, columns]} with a symbolic N, as every output here is declared. */
  public static ValueInfoProto tensorInfo(String name, int columns) {
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(
                            TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                                .addDim(
                                    TensorShapeProto.Dimension.newBuilder().setDimValue(columns)))))
        .build();
  }

  private static TensorProto floats(String name, long[] dims, double[] values) {
    TensorProto.Builder t =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (double v : values) {
      t.addFloatData((float) v);
    }
    return t.build();
  }

  /** A node of a two-input operator. */
  public static NodeProto node(String name, String op, String a, String b, String out) {
    return NodeProto.newBuilder()
        .setName(name)
        .setOpType(op)
        .addInput(a)
        .addInput(b)
        .addOutput(out)
        .build();
  }
}
