/** Analytics' MicroProfile Metrics: inference latency, recommendations, the served model. */
package dev.setpoint.analytics.infrastructure.metrics;
