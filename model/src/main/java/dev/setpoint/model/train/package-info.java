/**
 * Training: examples from climate rows ({@link dev.setpoint.model.train.Examples}), the ridge fit
 * ({@link dev.setpoint.model.train.RidgeRegression}), held-out metrics ({@link
 * dev.setpoint.model.train.Trainer}) and the ONNX writer ({@link
 * dev.setpoint.model.train.OnnxExport}). Offline tooling: needs the optional ONNX protobuf classes.
 */
package dev.setpoint.model.train;
