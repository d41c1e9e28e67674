/** MicroProfile Health checks: startup, liveness (the process), readiness (MongoDB and Kafka). */
package dev.setpoint.relay.infrastructure.health;
