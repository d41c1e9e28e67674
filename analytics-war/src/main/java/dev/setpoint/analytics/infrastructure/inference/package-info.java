/**
 * The thermal model in ONNX Runtime ({@link
 * dev.setpoint.analytics.infrastructure.inference.OnnxSetpointModel}) and the bean that owns it,
 * watches its file and reloads it.
 */
package dev.setpoint.analytics.infrastructure.inference;
