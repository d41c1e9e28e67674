/**
 * Analytics' MicroProfile Metrics on {@code /metrics}: InfluxDB write latency ({@code @Timed} on
 * the store) and the consumer group's lag.
 */
package dev.setpoint.analytics.infrastructure.metrics;
