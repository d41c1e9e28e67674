/**
 * Analytics: the cloud side. Packages by role: {@code application} (recording telemetry,
 * recommending setpoints), {@code domain} (ports and values), {@code infrastructure} (Kafka,
 * InfluxDB, ONNX Runtime, health, metrics), {@code interfaces} (the REST API).
 */
package dev.setpoint.analytics;
