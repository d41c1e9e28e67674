/**
 * MicroProfile Health checks: startup (the model loaded), liveness (the process), readiness (the
 * model, Kafka with the consumer group's lag, InfluxDB).
 */
package dev.setpoint.analytics.infrastructure.health;
