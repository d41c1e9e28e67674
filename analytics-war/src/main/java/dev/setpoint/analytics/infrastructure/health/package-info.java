/** MicroProfile Health checks: startup, liveness (the process), readiness (Kafka and InfluxDB). */
package dev.setpoint.analytics.infrastructure.health;
