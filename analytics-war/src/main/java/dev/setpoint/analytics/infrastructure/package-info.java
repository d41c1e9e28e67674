/**
 * Adapters of analytics' ports to Kafka, InfluxDB and ONNX Runtime, its health checks and metrics.
 */
package dev.setpoint.analytics.infrastructure;
