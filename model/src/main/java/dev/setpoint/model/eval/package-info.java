/**
 * The closed-loop evaluation: strategies ({@link dev.setpoint.model.eval.Strategy}) in the loop
 * with the simulated room ({@link dev.setpoint.model.eval.ClosedLoop}), the ONNX model through ONNX
 * Runtime ({@link dev.setpoint.model.eval.OnnxInletPredictor}), and the report with charts ({@link
 * dev.setpoint.model.eval.Evaluation}). Offline tooling: needs the optional onnxruntime.
 */
package dev.setpoint.model.eval;
