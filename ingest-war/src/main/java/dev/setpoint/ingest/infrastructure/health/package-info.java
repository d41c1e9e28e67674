/** MicroProfile Health checks: startup, liveness (the process) and readiness (MongoDB). */
package dev.setpoint.ingest.infrastructure.health;
