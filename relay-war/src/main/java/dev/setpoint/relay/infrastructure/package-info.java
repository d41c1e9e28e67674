/**
 * Adapters of the relay's ports to MongoDB, Kafka and the weather service, and its health checks.
 */
package dev.setpoint.relay.infrastructure;
