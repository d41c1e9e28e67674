package dev.setpoint.analytics.infrastructure.inference;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.setpoint.model.features.FeatureLayout;
import dev.setpoint.model.train.OnnxExport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Models for tests: the bootstrap model (with its trained power head), the same without the power
 * head, and models with a power head whose answer a test knows: an existing model without one (the
 * bootstrap's inlet heads, or one built by {@link dev.setpoint.model.train.OnnxExport}) with one
 * more output, the power {@code kwAt0 + kwPerC × candidate}, kW.
 */
public final class TestModels {
  /** The output name the trainer writes. */
  public static final String OUTPUT = "controllable_power";

  private TestModels() {}

  /** The bootstrap model packaged in the WAR: inlet look-ahead 10/20/30 min and a power head. */
  public static byte[] bootstrap() throws IOException {
    try (InputStream in =
        OnnxSetpointModel.class.getResourceAsStream(OnnxSetpointModel.BOOTSTRAP_RESOURCE)) {
      return in.readAllBytes();
    }
  }

  /** {@code model} with each of {@code metadata}'s entries that it lacks added. */
  public static byte[] withMetadata(byte[] model, Map<String, String> metadata) throws IOException {
    ModelProto proto = ModelProto.parseFrom(model);
    ModelProto.Builder builder = proto.toBuilder();
    var present = proto.getMetadataPropsList().stream().map(e -> e.getKey()).toList();
    metadata.forEach(
        (k, v) -> {
          if (!present.contains(k)) {
            builder.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v));
          }
        });
    return builder.build().toByteArray();
  }

  /**
   * The bootstrap model's inlet heads alone: its power output, the nodes and initializers named
   * {@code power_…} that make it, and its {@code power_…} metadata removed.
   */
  public static byte[] lookAheadWithoutPower() throws IOException {
    ModelProto proto = ModelProto.parseFrom(bootstrap());
    GraphProto.Builder graph = proto.getGraph().toBuilder();
    graph.clearNode().clearInitializer().clearOutput();
    for (NodeProto n : proto.getGraph().getNodeList()) {
      if (!n.getName().startsWith("power_")) {
        graph.addNode(n);
      }
    }
    for (TensorProto t : proto.getGraph().getInitializerList()) {
      if (!t.getName().startsWith("power_")) {
        graph.addInitializer(t);
      }
    }
    for (ValueInfoProto o : proto.getGraph().getOutputList()) {
      if (!o.getName().equals(OUTPUT)) {
        graph.addOutput(o);
      }
    }
    ModelProto.Builder builder = proto.toBuilder().setGraph(graph).clearMetadataProps();
    for (StringStringEntryProto e : proto.getMetadataPropsList()) {
      if (!e.getKey().startsWith("power_")) {
        builder.addMetadataProps(e);
      }
    }
    return builder.build().toByteArray();
  }

  /**
   * {@code model} with a float output {@code output} of shape {@code [N, columns]}, each column
   * {@code kwAt0 + kwPerC × candidate}, and {@code metadata} added to its own.
   */
  public static byte[] withPower(
      byte[] model,
      String output,
      int columns,
      float kwAt0,
      float kwPerC,
      Map<String, String> metadata) {
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(model);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
    int f = FeatureLayout.FEATURES;
    TensorProto.Builder weights =
        TensorProto.newBuilder()
            .setName("power_weights")
            .setDataType(TensorProto.DataType.FLOAT.getNumber())
            .addDims(f)
            .addDims(columns);
    for (int i = 0; i < f; i++) {
      for (int c = 0; c < columns; c++) {
        weights.addFloatData(i == FeatureLayout.CANDIDATE_INDEX ? kwPerC : 0f);
      }
    }
    TensorProto.Builder bias =
        TensorProto.newBuilder()
            .setName("power_bias")
            .setDataType(TensorProto.DataType.FLOAT.getNumber())
            .addDims(columns);
    for (int c = 0; c < columns; c++) {
      bias.addFloatData(kwAt0);
    }
    GraphProto.Builder graph =
        proto.getGraph().toBuilder()
            .addInitializer(weights)
            .addInitializer(bias)
            .addNode(
                OnnxExport.node(
                    "power_linear", "MatMul", "features", "power_weights", "power_linear"))
            .addNode(OnnxExport.node("power_offset", "Add", "power_linear", "power_bias", output))
            .addOutput(OnnxExport.tensorInfo(output, columns));
    ModelProto.Builder builder = proto.toBuilder().setGraph(graph);
    metadata.forEach(
        (k, v) ->
            builder.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return builder.build().toByteArray();
  }

  /** {@code model} with a {@code [N, 1]} power head as the trainer declares it, over 1800 s. */
  public static byte[] withPower(byte[] model, float kwAt0, float kwPerC) {
    return withPower(
        model, OUTPUT, 1, kwAt0, kwPerC, Map.of("power_output", OUTPUT, "power_horizon_s", "1800"));
  }
}
