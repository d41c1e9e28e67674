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
 */
public final class OnnxExport {
  public static final String INPUT = "features";
  public static final String OUTPUT = "inlet_temperature";
  public static final String LOOKAHEAD_OUTPUT = "inlet_lookahead";
  static final long IR_VERSION = 8;
  static final long OPSET = 13;

  private OnnxExport() {}

  public static byte[] toBytes(ThermalModel model, Map<String, String> metadata) {
    return toProto(List.of(model), metadata).toByteArray();
  }

  /** The training's result: every head, with the result's metadata. */
  public static byte[] toBytes(Trainer.Result result) {
    return toProto(result.heads().stream().map(Trainer.Head::model).toList(), result.metadata())
        .toByteArray();
  }

  static ModelProto toProto(ThermalModel model, Map<String, String> metadata) {
    return toProto(List.of(model), metadata);
  }

  static ModelProto toProto(List<ThermalModel> heads, Map<String, String> metadata) {
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
      concat.addAttribute(
          AttributeProto.newBuilder()
              .setName("axis")
              .setType(AttributeProto.AttributeType.INT)
              .setI(1));
      graph.addNode(concat).addOutput(tensorInfo(LOOKAHEAD_OUTPUT, heads.size()));
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

  private static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  private static ValueInfoProto tensorInfo(String name, int columns) {
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

  private static NodeProto node(String name, String op, String a, String b, String out) {
    return NodeProto.newBuilder()
        .setName(name)
        .setOpType(op)
        .addInput(a)
        .addInput(b)
        .addOutput(out)
        .build();
  }
}
