/**
 * Analytics' MicroProfile Metrics on {@code /metrics}: InfluxDB write latency, the consumer group's
 * lag, inference latency, recommendations, the served model.
 */
package dev.setpoint.analytics.infrastructure.metrics;
